use anyhow::{Context, Result};

use super::{Ctx, by_id};
use crate::cli::{By, Format, Output};
use crate::report::{Listing, emit};
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
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub out: Output,
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
            let ts = themes::list(&store.conn)?;
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
                Format::Json => println!("{}", serde_json::to_string_pretty(&t)?),
                _ => {
                    println!("{} ({})", t.name, t.slug);
                    if let Some(p) = &t.parent {
                        println!("parent: {p}");
                    }
                    println!("\n{}\n", t.description);
                    println!("tagged items: {}   approved readings: {}", t.items, t.readings);
                    println!("keywords ({}): {}", t.keywords.len(), t.keywords.join(", "));
                }
            }
            Ok(())
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
    }
}
