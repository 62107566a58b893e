use anyhow::{Context, Result};

use super::editing::{self, clearable};
use super::{Ctx, by_id};
use crate::cli::{By, Format, Output};
use crate::report::{Listing, emit};
use crate::store::edit::{self, theme::ThemePatch};
use crate::store::themes::{self, NewTheme};
use crate::store::{Mode, id_gen};

#[derive(Debug, clap::Subcommand)]
pub enum ThemeCmd {
    /// List themes with how many items and approved readings carry each.
    List(ListArgs),
    /// Show a theme: description, parent and keyword lexicon.
    ///
    /// Example: canon theme show epistemic-bias
    Show(ShowArgs),
    /// Add a theme of your own.
    ///
    /// Example: canon theme add disability-health --name "Disability and health" --keyword "reasonable adjustments" --keyword ableism
    Add(AddArgs),
    /// Change a theme's slug, name, description or parent, or add and remove lexicon keywords.
    ///
    /// Example: canon theme edit epistemic-bias --add-keyword colourism --remove-keyword "skin tone" --by amina
    Edit(EditArgs),
    /// Remove a theme and its lexicon. One that tags sessions or readings, or has sub-themes, needs
    /// --force; `canon undo` brings all of it back.
    ///
    /// Example: canon theme remove lgbtq-health --by amina
    Remove(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Count only the sessions of this programme.
    #[arg(long, value_name = "NAME")]
    pub programme: Option<String>,
    #[command(flatten)]
    pub out: Output,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The theme's slug or name.
    pub theme: String,
    /// A new slug: lower-case words joined by hyphens.
    #[arg(long)]
    pub slug: Option<String>,
    /// A new name, as reports show it.
    #[arg(long)]
    pub name: Option<String>,
    /// A new description.
    #[arg(long)]
    pub description: Option<String>,
    /// A new parent theme (slug or name); "" makes it a top-level theme.
    #[arg(long)]
    pub parent: Option<String>,
    /// Add a word or phrase to the lexicon (repeatable).
    #[arg(long = "add-keyword", value_name = "WORDS")]
    pub add_keywords: Vec<String>,
    /// Take a word or phrase out of the lexicon (repeatable).
    #[arg(long = "remove-keyword", value_name = "WORDS")]
    pub remove_keywords: Vec<String>,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The theme's slug or name.
    pub theme: String,
    /// Remove its tags on sessions and readings too (its sub-themes become top-level).
    #[arg(long)]
    pub force: bool,
    /// Say what would be removed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub by: By,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The theme's slug or name.
    pub theme: String,
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Lower-case words joined by hyphens, e.g. lgbtq-health.
    pub slug: String,
    /// The name shown in reports (default: from the slug).
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, default_value = "")]
    pub description: String,
    /// A broader theme this one belongs to.
    #[arg(long)]
    pub parent: Option<String>,
    /// A keyword or phrase for suggestions and gap evidence (repeatable).
    #[arg(long = "keyword")]
    pub keywords: Vec<String>,
    #[command(flatten)]
    pub by: By,
}

pub fn run(ctx: &Ctx, cmd: ThemeCmd) -> Result<()> {
    match cmd {
        ThemeCmd::List(a) => {
            let store = ctx.open(Mode::Existing)?;
            let programme = super::editing::programme(&store, &a.programme)?;
            let ts = themes::list_in(&store.conn, programme.as_deref())?;
            let mut l = Listing::new(&["slug", "name", "parent", "items", "readings", "keywords"]);
            l.numeric = vec![3, 4];
            for t in &ts {
                l.rows.push(vec![
                    t.slug.clone(),
                    t.name.clone(),
                    t.parent.clone().unwrap_or_default(),
                    t.items.to_string(),
                    t.readings.to_string(),
                    t.keywords.len().to_string(),
                ]);
            }
            emit(&a.out, &l, &ts, "no themes; run `canon init`", ctx.quiet)
        }
        ThemeCmd::Show(a) => {
            let store = ctx.open(Mode::Existing)?;
            let t = themes::get(&store.conn, &a.theme)?
                .with_context(|| format!("unknown theme {:?}; see `canon theme list`", a.theme))?;
            match a.format {
                Format::Json => editing::line(serde_json::to_string_pretty(&t)?),
                _ => {
                    let mut text = format!("{} ({})\n", t.name, t.slug);
                    if let Some(p) = &t.parent {
                        text.push_str(&format!("parent: {p}\n"));
                    }
                    text.push_str(&format!("\n{}\n\n", t.description));
                    text.push_str(&format!("tagged items: {}   approved readings: {}\n", t.items, t.readings));
                    text.push_str(&format!("keywords ({}): {}", t.keywords.len(), t.keywords.join(", ")));
                    editing::line(text)
                }
            }
        }
        ThemeCmd::Add(a) => {
            let mut store = ctx.open(Mode::Create)?;
            let mut ids = id_gen(&store.conn)?;
            let tx = store.write()?;
            let by = by_id(&tx, &mut ids, &a.by.by)?;
            let name = a.name.clone().unwrap_or_else(|| {
                let s = a.slug.replace('-', " ");
                let mut c = s.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            });
            let t = NewTheme {
                slug: &a.slug,
                name: &name,
                description: &a.description,
                parent: a.parent.as_deref(),
                keywords: &a.keywords,
            };
            themes::add(&tx, &mut ids, by, &t)?;
            tx.commit()?;
            ctx.note(format_args!("added theme {} ({name})", a.slug));
            Ok(())
        }
        ThemeCmd::Edit(a) => edit(ctx, a),
        ThemeCmd::Remove(a) => remove(ctx, a),
    }
}

fn find(store: &crate::store::Store, theme: &str) -> Result<i64> {
    Ok(themes::get(&store.conn, theme)?.with_context(|| format!("unknown theme {theme:?}; see `canon theme list`"))?.id)
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open(Mode::Existing)?;
    let id = find(&store, &a.theme)?;
    let p = ThemePatch {
        slug: a.slug.clone(),
        name: a.name.clone(),
        description: a.description.clone(),
        parent: clearable(&a.parent),
        add_keywords: a.add_keywords.clone(),
        remove_keywords: a.remove_keywords.clone(),
    };
    if p.slug.is_none()
        && p.name.is_none()
        && p.description.is_none()
        && p.parent.is_none()
        && p.add_keywords.is_empty()
        && p.remove_keywords.is_empty()
    {
        anyhow::bail!(
            "nothing to change; give --slug, --name, --description, --parent, --add-keyword or --remove-keyword"
        );
    }
    let e = editing::write(&mut store, &a.by, |tx, _, by| edit::theme::edit(tx, by, id, &p))?;
    editing::edited(ctx, &e)?;
    Ok(())
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> Result<()> {
    let mut store = ctx.open_for(Mode::Existing, a.dry_run)?;
    let id = find(&store, &a.theme)?;
    if a.dry_run {
        editing::removed(ctx, &edit::theme::removal(&store.conn, id)?)?;
        return Ok(());
    }
    let r = editing::write(&mut store, &a.by, |tx, _, by| edit::theme::remove(tx, by, id, a.force))?;
    editing::removed(ctx, &r)?;
    Ok(())
}
