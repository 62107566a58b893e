//! `canon serve` over HTTP: every route, the token, the CSRF token, escaping,
//! the import preview, downloads, and several writers at once. Each test
//! runs the real binary on its own database and talks to it over a socket.

mod common;

use common::Workdir;
use common::web::{Client, Server, csrf, flash};

/// A database with the samples imported.
fn samples() -> Workdir {
    let w = Workdir::new();
    w.ok(&["import", "modules", &common::sample("modules.csv")]);
    w.ok(&["import", "reading", &common::sample("reading.csv")]);
    w
}

fn module_id(w: &Workdir, code: &str) -> i64 {
    let v = w.json(&["module", "list", "--format", "json"]);
    v.as_array()
        .and_then(|a| a.iter().find(|m| m["code"] == code))
        .and_then(|m| m["id"].as_i64())
        .unwrap_or_else(|| panic!("no module {code}"))
}

fn item_id(w: &Workdir, code: &str, title_part: &str) -> i64 {
    let v = w.json(&["item", "list", "--module", code, "--format", "json"]);
    v.as_array()
        .and_then(|a| a.iter().find(|i| i["title"].as_str().is_some_and(|t| t.contains(title_part))))
        .and_then(|i| i["id"].as_i64())
        .unwrap_or_else(|| panic!("no session like {title_part:?} in {code}"))
}

fn item_themes(w: &Workdir, code: &str, id: i64) -> Vec<String> {
    let v = w.json(&["item", "list", "--module", code, "--format", "json"]);
    v.as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == id))
        .map(|i| i["themes"].as_array().into_iter().flatten().filter_map(|t| t.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn history_rows(w: &Workdir) -> i64 {
    w.count("SELECT count(*) FROM history")
}

#[test]
fn an_open_address_is_refused_without_a_token() {
    let w = samples();
    let err = w.fails(&["serve", "--host", "0.0.0.0", "--port", "0"]);
    assert!(err.contains("--token"), "{err}");
    let err = w.fails(&["serve", "--host", "0.0.0.0", "--port", "0", "--token", " "]);
    assert!(err.contains("empty"), "{err}");
    let err = w.fails(&["serve", "--host", "not an address", "--port", "0"]);
    assert!(err.contains("--host"), "{err}");
    let none = Workdir::new();
    let err = none.fails(&["serve", "--port", "0"]);
    assert!(err.contains("canon init"), "{err}");
    assert!(!none.db().exists(), "serve must not create a database");
}

#[test]
fn without_the_token_nothing_is_served() {
    let w = samples();
    let s = Server::start(&w, &["--host", "0.0.0.0", "--token", "s3cret"]);
    assert!(s.url.ends_with("/?token=s3cret"), "{}", s.url);
    let mut c = s.client();
    for path in ["/", "/who", "/static/canon.css", "/readings", "/favicon.ico", "/report/download?format=csv", "/nope"]
    {
        let r = c.get(path);
        assert_eq!(r.status, 401, "GET {path} without the token");
        assert!(!r.text().contains("<html"), "GET {path} served a page without the token");
        assert!(r.header("content-security-policy").is_some());
    }
    let r = c.post_form("/who", &[("name", "mallory")]);
    assert_eq!(r.status, 401);
    assert_eq!(c.get("/?token=s3cre").status, 401);
    assert_eq!(c.get("/?token=s3cret%20").status, 401);
    assert!(c.cookies.is_empty(), "no cookie before the token: {:?}", c.cookies);

    // The printed address: the token becomes a cookie and leaves the address bar.
    let r = c.get("/readings?token=s3cret&status=approved");
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), "/readings?status=approved");
    let auth = r.headers_named("set-cookie").into_iter().find(|c| c.starts_with("canon_auth=")).expect("auth cookie");
    assert!(auth.contains("HttpOnly") && auth.contains("SameSite=Strict"), "{auth}");
    assert!(!auth.contains("s3cret"), "the cookie must not hold the token itself: {auth}");
    c.login("amina");
    assert!(c.page("/readings").contains("Working as <strong>amina</strong>"));

    // A script or a second machine may send it as a bearer token instead.
    let mut b = s.client();
    assert_eq!(b.request("GET", "/static/canon.css", &[("Authorization", "Bearer s3cret")], b"").status, 200);
    assert_eq!(b.request("GET", "/static/canon.css", &[("Authorization", "Bearer nope")], b"").status, 401);
    // Not the host check: with a token any host name may be used.
    let mut named = s.client();
    named.host = format!("audit-laptop.local:{}", s.port);
    assert_eq!(named.get("/static/canon.css?token=s3cret").status, 303);
    drop(s);

    // The token may come from the environment.
    let s = Server::start_env(&w, &["--host", "0.0.0.0"], &[("CANON_TOKEN", "from-env")]);
    let mut c = s.client();
    assert_eq!(c.get("/").status, 401);
    assert_eq!(c.get("/?token=from-env").status, 303);
}

#[test]
fn without_a_token_only_loopback_names_are_answered() {
    let w = samples();
    let s = Server::start(&w, &[]);
    assert!(s.url.starts_with("http://127.0.0.1:"), "{}", s.url);
    let mut c = s.client();
    c.host = "evil.example".into();
    let r = c.get("/");
    assert_eq!(r.status, 421, "a rebound DNS name must not reach the workspace");
    let mut c = s.client();
    c.host = format!("localhost:{}", s.port);
    assert_eq!(c.get("/").status, 303);
}

#[test]
fn a_first_visit_asks_for_a_name_and_changes_are_credited_to_it() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    let r = c.get("/gaps?kind=module-gap");
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), "/who?next=%2Fgaps%3Fkind%3Dmodule-gap");
    let session = r.headers_named("set-cookie").into_iter().find(|c| c.starts_with("canon_session=")).expect("session");
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Strict") && session.contains("Path=/"),
        "{session}"
    );

    let who = c.page("/who?next=%2Fgaps%3Fkind%3Dmodule-gap");
    assert!(who.contains("<label for=\"name\">"), "the name field has a label");
    let token = csrf(&who);
    let r = c.post_form(
        "/who",
        &[
            ("csrf", &token),
            ("name", "  Ngũgĩ <b>student-7</b> "),
            ("role", "student"),
            ("pseudonym", "1"),
            ("next", "/gaps?kind=module-gap"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location(), "/gaps?kind=module-gap");
    let page = c.follow(&r);
    assert!(page.contains("Working as <strong>Ngũgĩ &lt;b&gt;student-7&lt;/b&gt;</strong>"), "{page}");
    assert!(flash(&page).is_some_and(|f| f.contains("Welcome")), "{page}");
    // The message is shown once.
    assert!(flash(&c.page("/gaps")).is_none());

    let people = w.json(&["contributor", "list", "--format", "json"]);
    let me = people.as_array().unwrap().iter().find(|p| p["name"] == "Ngũgĩ <b>student-7</b>").expect("contributor");
    assert_eq!(me["pseudonym"], true);

    // An empty name is refused, and nothing is written.
    let before = history_rows(&w);
    let mut d = s.client();
    let token = csrf(&d.page("/who"));
    let r = d.post_form("/who", &[("csrf", &token), ("name", "   "), ("next", "/")]);
    assert_eq!(r.status, 303);
    assert!(flash(&d.follow(&r)).is_some_and(|f| f.contains("empty")));
    assert_eq!(history_rows(&w), before);
    assert_eq!(d.get("/").status, 303, "still asked for a name");

    // A redirect after naming oneself stays on the site.
    let token = csrf(&d.page("/who"));
    let r = d.post_form("/who", &[("csrf", &token), ("name", "ben"), ("next", "//evil.example/")]);
    assert_eq!(r.location(), "/");
}

#[test]
fn every_page_answers_with_its_headers() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let m = module_id(&w, "MED2002");
    let item = item_id(&w, "MED2002", "Spirometry");
    let reading = w.count("SELECT id FROM reading WHERE doi = '10.1056/NEJMms2004740'");
    let pages = [
        ("/", "Overview"),
        ("/?year=2&missing=1&page=1", "MED2002"),
        (&format!("/modules/{m}"), "Respiratory System"),
        (&format!("/modules/{m}?theme=epistemic-bias#sessions"), "sessions tagged"),
        (&format!("/modules/{m}?find=race+correction"), "Link to"),
        ("/readings", "Readings"),
        ("/readings?theme=epistemic-bias&status=approved&type=article&q=race", "Readings"),
        (&format!("/readings/{reading}"), "Hidden in Plain Sight"),
        ("/readings/new?theme=epistemic-bias", "Add a reading"),
        ("/review", "Review queue"),
        ("/gaps", "Modules missing a theme"),
        ("/gaps?programme=", "Findings ("),
        ("/gaps?finding=F1", "Finding F1"),
        ("/gaps?year=2&theme=epistemic-bias&kind=module-gap&page=2", "Gaps"),
        ("/gaps?module=MED2002", "Gaps"),
        ("/search?q=%22pulse+oximetry%22", "<mark>"),
        ("/search?q=theme%3Aepistemic-bias+year%3A2+bias%2A", "Search"),
        ("/history", "History"),
        ("/history?by=amina&entity=contributor", "History"),
        ("/import", "Import"),
        ("/report", "Workbook (.xlsx)"),
        ("/who", "Your name"),
    ];
    for (path, expect) in pages {
        let r = c.get(path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.text());
        let html = r.text();
        assert!(html.starts_with("<!DOCTYPE html>"), "GET {path}");
        assert!(html.contains(expect), "GET {path} lacks {expect:?}");
        assert!(html.contains("<main id=\"main\""), "GET {path}");
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"), "GET {path}");
        let csp = r.header("content-security-policy").unwrap_or("");
        assert!(csp.contains("default-src 'none'") && csp.contains("form-action 'self'"), "GET {path}: {csp}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("x-frame-options"), Some("DENY"));
        assert_eq!(r.header("cache-control"), Some("no-store"));
        // Nothing is fetched from anywhere else: no script at all, styles from canon.
        assert!(!html.contains("<script"), "GET {path} has a script");
        assert!(!html.contains(" src="), "GET {path} loads something");
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/static/canon.css\">"), "GET {path}");
        if !path.starts_with("/readings/") {
            assert!(!html.contains("href=\"http"), "GET {path} points off the machine");
        }
        assert!(!html.contains("style=\""), "GET {path}: inline styles break the CSP");
    }
    let css = c.get("/static/canon.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(!css.text().contains("url("), "the style sheet fetches nothing");
    assert_eq!(c.get("/favicon.ico").status, 204);

    let r = c.get(&format!("/items/{item}"));
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), format!("/modules/{m}#item-{item}"));
    for path in ["/modules/1", "/readings/1", "/items/1", "/nope"] {
        assert_eq!(c.get(path).status, 404, "GET {path}");
    }
    for path in [
        "/gaps?theme=nope",
        "/gaps?kind=nope",
        "/gaps?module=NOPE1",
        "/gaps?finding=F9999",
        "/?year=two",
        "/modules/1x",
    ] {
        let r = c.get(path);
        assert!(r.status == 400, "GET {path} answered {}", r.status);
    }
    // (An unclosed quote is read as plain words since 13a; since 13f a dangling AND is
    // dropped with a note, as `canon search` says it, and a leading NOT is still refused.)
    let r = c.get("/search?q=a+AND");
    assert_eq!(r.status, 200);
    let page = r.text();
    assert!(!page.contains("role=\"alert\""), "a mended query is not an error");
    assert!(
        page.contains("role=\"note\"") && page.contains("AND with nothing to join on one side was left out"),
        "the dropped AND is said on the page"
    );
    // The query as typed is shown in the note, escaped.
    let page = c.get("/search?q=%3Cb%3Ezz+OR").text();
    assert!(page.contains("OR with nothing to join"), "note for a dangling OR");
    assert!(page.contains("&lt;b&gt;zz") && !page.contains("<b>zz"), "the query in the note is escaped");
    let r = c.get("/search?q=NOT+race");
    assert_eq!(r.status, 200);
    assert!(r.text().contains("role=\"alert\""), "a bad query is explained on the page");
}

#[test]
fn forms_need_this_sessions_csrf_token_and_this_origin() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let item = item_id(&w, "MED2002", "Spirometry");
    let target = format!("item:{item}");
    let mut other = s.client();
    other.login("mallory");
    let before = history_rows(&w);

    let r = c.post_form("/tag", &[("target", &target), ("theme", "2")]);
    assert_eq!(r.status, 403, "no token");
    let r = c.post_form("/tag", &[("csrf", "0000"), ("target", &target), ("theme", "2")]);
    assert_eq!(r.status, 403, "a made-up token");
    let theirs = csrf(&other.page("/import"));
    let r = c.post_form("/tag", &[("csrf", &theirs), ("target", &target), ("theme", "2")]);
    assert_eq!(r.status, 403, "another session's token");
    assert!(r.text().contains("nothing was changed"));

    let mine = csrf(&c.page("/import"));
    let mut cross = c.clone();
    cross.origin = Some("http://evil.example".into());
    let r = cross.post_form("/tag", &[("csrf", &mine), ("target", &target), ("theme", "2")]);
    assert_eq!(r.status, 403, "a form from another site");
    let mut null = c.clone();
    null.origin = Some("null".into());
    assert_eq!(null.post_form("/tag", &[("csrf", &mine), ("target", &target), ("theme", "2")]).status, 403);

    let r = c.post_multipart("/import", &[("kind", "modules")], ("file", "m.csv", b"programme,module_code\n"));
    assert_eq!(r.status, 403, "an upload without the token");
    let r = c.post_multipart("/import", &[("csrf", "x"), ("kind", "modules")], ("file", "m.csv", b"a\n"));
    assert_eq!(r.status, 403);
    for path in [
        "/untag",
        "/suggestions/accept",
        "/suggestions/reject",
        "/suggestions/restore",
        "/link",
        "/review",
        "/undo",
        "/readings",
        "/import/confirm",
        "/who",
    ] {
        assert_eq!(c.post_form(path, &[("x", "1")]).status, 403, "POST {path} without a token");
    }
    assert_eq!(history_rows(&w), before, "nothing was written");
    assert!(item_themes(&w, "MED2002", item).is_empty());

    // The same form with the token works (a browser without Origin too).
    let mut plain = c.clone();
    plain.origin = None;
    let r = plain.post_form("/tag", &[("csrf", &mine), ("target", &target), ("theme", "2"), ("back", "/")]);
    assert_eq!(r.status, 303);
    assert_eq!(item_themes(&w, "MED2002", item), ["epistemic-bias"]);
}

#[test]
fn user_text_is_escaped_on_every_page() {
    let w = samples();
    let evil = "<script>alert(1)</script>";
    w.ok(&[
        "reading",
        "add",
        "--title",
        evil,
        "--author",
        "<img src=x onerror=alert(2)>",
        "--note",
        "\"><b>bold</b>",
        "--theme",
        "epistemic-bias",
        "--by",
        "<i>mallory</i>",
    ]);
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
               \"<u>Prog</u>\",2,MED9<s>,\"<b>Bold module</b>\",\"\"\"><script>alert(3)</script>\",\"Describe <iframe src=x>\",epistemic-bias\n";
    let f = w.write("evil.csv", csv);
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "mallory"]);
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina\"><script>alert(4)</script>");
    let reading = w.count("SELECT id FROM reading WHERE title LIKE '<script>%'");
    let m = module_id(&w, "MED9<s>");
    let pages = [
        "/".to_string(),
        "/?programme=%3Cu%3EProg%3C%2Fu%3E".into(),
        format!("/modules/{m}"),
        format!("/modules/{m}?find=script"),
        "/readings".into(),
        "/readings?q=script".into(),
        format!("/readings/{reading}"),
        "/review".into(),
        "/search?q=alert".into(),
        "/search?q=%3Cscript%3E".into(),
        "/history".into(),
        "/gaps?module=MED9%3Cs%3E".into(),
        "/who".into(),
    ];
    for p in &pages {
        let html = c.page(p);
        for raw in ["<script", "<img", "<b>", "<i>", "<u>", "<s>", "<iframe"] {
            assert!(!html.contains(raw), "GET {p} shows {raw:?} as markup:\n{html}");
        }
    }
    assert!(c.page(&format!("/readings/{reading}")).contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(c.page(&format!("/modules/{m}")).contains("&lt;b&gt;Bold module&lt;/b&gt;"));
    assert!(c.page("/history").contains("&lt;i&gt;mallory&lt;/i&gt;"));
}

#[test]
fn a_suggestion_is_accepted_or_rejected_in_one_click() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let m = module_id(&w, "MED1002");
    let item = item_id(&w, "MED1002", "Anatomy Act");
    let page = c.page(&format!("/modules/{m}"));
    assert!(page.contains("Suggested theme <strong>Historical awareness</strong>"), "{page}");
    assert!(page.contains("“Anatomy Act”") && page.contains("“body snatching”"), "the evidence words are shown");
    let r = c.post_form(
        "/suggestions/accept",
        &[
            ("csrf", &csrf(&page)),
            ("target", &format!("item:{item}")),
            ("theme", "1"),
            ("evidence", "Anatomy Act, body snatching"),
            ("back", &format!("/modules/{m}#item-{item}")),
        ],
    );
    assert_eq!(r.location(), format!("/modules/{m}#item-{item}"));
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.contains("with Historical awareness.")), "{page}");
    assert!(!page.contains("Suggested theme <strong>Historical awareness</strong>"));
    assert_eq!(item_themes(&w, "MED1002", item), ["historical-awareness"]);
    let log = w.ok(&["log", "--entity", "item_tag", "--format", "csv"]);
    assert!(log.lines().any(|l| l.contains("amina") && l.contains("suggested from the lexicon: Anatomy Act")), "{log}");
    assert_eq!(w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id = {item} AND source = 'suggest'")), 1);

    // Reject one: it is not suggested again, until restored.
    let m2 = module_id(&w, "MED2002");
    let spiro = item_id(&w, "MED2002", "Spirometry");
    let page = c.page(&format!("/modules/{m2}"));
    assert!(page.contains(&format!("id=\"item-{spiro}\"")));
    assert!(page.contains("Suggested theme <strong>Epistemic bias</strong>"), "{page}");
    let r = c.post_form(
        "/suggestions/reject",
        &[
            ("csrf", &csrf(&page)),
            ("target", &format!("item:{spiro}")),
            ("theme", "2"),
            ("evidence", "Spirometry"),
            ("back", &format!("/modules/{m2}")),
        ],
    );
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.contains("will not be suggested again")), "{page}");
    assert!(!page.contains("Suggested theme <strong>Epistemic bias</strong>"));
    assert!(page.contains("1 rejected suggestion<"));
    assert!(item_themes(&w, "MED2002", spiro).is_empty(), "rejecting tags nothing");
    let log = w.ok(&["log", "--format", "csv"]);
    assert!(
        log.lines().any(|l| l.contains("suggestion") && l.contains("suggestion rejected") && l.contains("amina")),
        "{log}"
    );
    // The command line leaves it out too, and `suggest --apply` does not tag it.
    let cli = w.ok(&["suggest", "--module", "MED2002", "--format", "csv"]);
    assert!(!cli.contains("Spirometry interpretation"), "{cli}");
    // Another person sees it rejected too.
    let mut b = s.client();
    b.login("ben");
    assert!(!b.page(&format!("/modules/{m2}")).contains("Suggested theme <strong>Epistemic bias</strong>"));
    // Undo in the history brings it back.
    let undo_id = w.count("SELECT max(id) FROM history WHERE entity = 'suggestion'");
    let r = b.submit("/history", "/undo", &[("id", &undo_id.to_string()), ("back", &format!("/modules/{m2}"))]);
    let page = b.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.starts_with("Undone")), "{page}");
    assert!(page.contains("Suggested theme <strong>Epistemic bias</strong>"));
    // Reject and restore from the page.
    let r = b.submit(
        &format!("/modules/{m2}"),
        "/suggestions/reject",
        &[("target", &format!("item:{spiro}")), ("theme", "2"), ("back", "/")],
    );
    assert_eq!(r.status, 303);
    let r = b.submit(
        &format!("/modules/{m2}"),
        "/suggestions/restore",
        &[("target", &format!("item:{spiro}")), ("theme", "2"), ("back", &format!("/modules/{m2}"))],
    );
    assert!(b.follow(&r).contains("Suggested theme <strong>Epistemic bias</strong>"));
}

#[test]
fn tag_untag_link_review_and_undo_go_through_the_history() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut a = s.client();
    a.login("amina");
    let mut b = s.client();
    b.login("ben");
    let m = module_id(&w, "MED2003");
    let item = item_id(&w, "MED2003", "");
    let page = format!("/modules/{m}");

    let r = a.submit(&page, "/tag", &[("target", &format!("item:{item}")), ("theme", "3"), ("back", &page)]);
    assert!(flash(&a.follow(&r)).is_some_and(|f| f.contains("with Intersectional health.")));
    assert!(item_themes(&w, "MED2003", item).contains(&"intersectional-health".to_string()));
    // What one person changes, another sees on reload.
    assert!(b.page(&page).contains("Remove Intersectional health from session"));
    let r = b.submit(&page, "/untag", &[("target", &format!("item:{item}")), ("theme", "3"), ("back", &page)]);
    assert!(flash(&b.follow(&r)).is_some_and(|f| f.contains("Removed Intersectional health")));
    assert!(!item_themes(&w, "MED2003", item).contains(&"intersectional-health".to_string()));
    // Untagging what is not there says so.
    let r = b.submit(&page, "/untag", &[("target", &format!("item:{item}")), ("theme", "3"), ("back", &page)]);
    assert!(flash(&b.follow(&r)).is_some_and(|f| f.contains("was not tagged")));
    // A change from the command line shows on the next page.
    w.ok(&["tag", &item.to_string(), "historical-awareness", "--by", "cli-user"]);
    assert!(a.page(&page).contains("Remove Historical awareness from session"));

    // Link a reading found from the module page.
    let found = a.page(&format!("{page}?find=NEJMms2004740"));
    assert!(found.contains("Hidden in Plain Sight"), "{found}");
    let reading = w.count("SELECT id FROM reading WHERE doi = '10.1056/NEJMms2004740'");
    let r = a.submit(
        &page,
        "/link",
        &[
            ("reading", &reading.to_string()),
            ("target", &format!("module:{m}")),
            ("note", "race correction in eGFR"),
            ("back", &format!("{page}#readings")),
        ],
    );
    let after = a.follow(&r);
    assert!(flash(&after).is_some_and(|f| f.starts_with("Linked")), "{after}");
    assert!(after.contains("the whole module") && after.contains("race correction in eGFR"));
    assert_eq!(w.count(&format!("SELECT count(*) FROM link WHERE reading_id = {reading} AND module_id = {m}")), 1);
    let r = a.submit(
        &page,
        "/link",
        &[("reading", &reading.to_string()), ("target", &format!("item:{item}")), ("back", &page)],
    );
    assert_eq!(r.status, 303);
    let r = a.submit(
        &page,
        "/link",
        &[("reading", &reading.to_string()), ("target", &format!("reading:{reading}")), ("back", &page)],
    );
    assert!(flash(&a.follow(&r)).is_some_and(|f| f.contains("session or a module")));

    // Review: a suggested reading, not approved by the one who suggested it.
    let id: i64 = w
        .ok(&[
            "reading",
            "add",
            "--title",
            "Medical Apartheid",
            "--author",
            "Washington, Harriet A.",
            "--year",
            "2006",
            "--type",
            "book",
            "--by",
            "amina",
        ])
        .trim()
        .parse()
        .unwrap();
    let queue = a.page("/review");
    assert!(queue.contains("Medical Apartheid"));
    let r =
        a.submit("/review", "/review", &[("reading", &id.to_string()), ("decision", "approved"), ("back", "/review")]);
    assert!(flash(&a.follow(&r)).is_some_and(|f| f.contains("yourself")));
    let r = b.submit(
        "/review",
        "/review",
        &[("reading", &id.to_string()), ("decision", "approved"), ("note", "core reading"), ("back", "/review")],
    );
    let after = b.follow(&r);
    assert!(flash(&after).is_some_and(|f| f.contains("suggested → approved")), "{after}");
    assert!(!after.contains("Approve “Medical Apartheid”"), "it left the queue");
    let log = w.ok(&["log", "--entity", "reading", "--id", &id.to_string(), "--format", "csv"]);
    assert!(log.contains("ben") && log.contains("review: approved — core reading"), "{log}");
    let r = b.submit("/import", "/review", &[("reading", &id.to_string()), ("decision", "maybe")]);
    assert!(flash(&b.follow(&r)).is_some_and(|f| f.contains("not a decision")));

    // Undo from the history page: the approval is reverted, and the undo is recorded.
    let change = w.count(&format!("SELECT max(id) FROM history WHERE entity = 'reading' AND entity_id = {id}"));
    let r = a.submit("/history", "/undo", &[("id", &change.to_string())]);
    assert_eq!(r.location(), "/history");
    assert!(flash(&a.follow(&r)).is_some_and(|f| f.starts_with("Undone")));
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {id} AND status = 'suggested'")), 1);
    let r = a.submit("/history", "/undo", &[("id", &change.to_string())]);
    let again = flash(&a.follow(&r)).unwrap_or_default();
    assert!(again.starts_with("Not done"), "undoing twice: {again}");
    let history = a.page("/history?entity=reading");
    assert!(history.contains(&format!("undo of #{change}")));
}

#[test]
fn adding_a_reading_checks_it_as_the_command_line_does() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let before = w.count("SELECT count(*) FROM reading");
    let r = c.submit("/readings/new", "/readings", &[("title", "Bad DOI"), ("doi", "not-a-doi"), ("type", "article")]);
    assert_eq!(r.status, 422);
    let page = r.text();
    assert!(
        page.contains("is not a DOI") && page.contains("value=\"Bad DOI\""),
        "the form keeps what was typed:\n{page}"
    );
    let r = c.submit("/readings/new", "/readings", &[("title", "Bad year"), ("year", "19x9")]);
    assert_eq!(r.status, 422);
    let r = c.submit("/readings/new", "/readings", &[("title", "   ")]);
    assert_eq!(r.status, 422);
    assert_eq!(w.count("SELECT count(*) FROM reading"), before, "nothing was written");

    let r = c.submit(
        "/readings/new",
        "/readings",
        &[
            ("title", "Decolonising the Mind: The Politics of Language in African Literature"),
            ("authors", "Ngũgĩ wa Thiong'o\r\n\r\n"),
            ("year", "1986"),
            ("type", "book"),
            ("theme", "historical-awareness"),
            ("theme", "epistemic-bias"),
            ("note", "On language"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.contains("already in the list")), "the sample has it: {page}");
    let r = c.submit(
        "/readings/new",
        "/readings",
        &[
            ("title", "Weathering"),
            ("authors", "Geronimus, Arline T."),
            ("year", "2023"),
            ("type", "book"),
            ("theme", "intersectional-health"),
        ],
    );
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.contains("review queue")), "{page}");
    let v = w.json(&["reading", "list", "--status", "suggested", "--format", "json"]);
    let added = v.as_array().unwrap().iter().find(|r| r["title"] == "Weathering").expect("added");
    assert_eq!(added["authors"][0], "Geronimus, Arline T.");
    assert_eq!(added["themes"][0], "intersectional-health");
    assert!(c.page("/review").contains("Weathering"));
}

#[test]
fn an_import_is_previewed_and_written_only_when_confirmed() {
    let w = samples();
    // The server's own temporary folder, so that the check at the end sees
    // only this server's uploads, not those of tests running beside it.
    let tmp = w.path("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let s = Server::start_env(&w, &[], &[("TMPDIR", tmp.to_str().unwrap())]);
    let mut c = s.client();
    c.login("amina");
    let token = csrf(&c.page("/import"));
    let items = w.count("SELECT count(*) FROM item");
    let history = history_rows(&w);

    // A file with bad rows: every problem with file:line:column, nothing written.
    let bad = std::fs::read(common::sample("bad_rows.csv")).unwrap();
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "modules"), ("programme", "MBChB Medicine")],
        ("file", "bad_rows.csv", &bad),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let page = r.text();
    assert!(page.contains("bad_rows.csv:3:2:"), "{page}");
    assert!(page.contains("refused"), "{page}");
    assert!(!page.contains("/import/confirm"), "no confirmation for a refused file");
    assert!(!page.contains(std::env::temp_dir().to_str().unwrap()), "no temporary path on the page");
    assert_eq!(w.count("SELECT count(*) FROM item"), items);
    assert_eq!(history_rows(&w), history);

    // A good reading file: the diff, then the import on confirmation.
    let csv = "title,authors,year,type,doi,url,themes,notes\n\
               Weathering,\"Geronimus, Arline T.\",2023,book,,,intersectional-health,\n\
               Hidden in Plain Sight,,2020,article,10.1056/NEJMms2004740,,,\n";
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "reading"), ("status", "suggested")],
        ("file", "group list.csv", csv.as_bytes()),
    );
    assert_eq!(r.status, 200);
    let page = r.text();
    assert!(page.contains("1 new") && page.contains("Weathering"), "{page}");
    let key = page
        .split("name=\"upload\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a confirmation")
        .to_string();
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Weathering'"), 0, "a preview writes nothing");
    // Only the person who uploaded it can confirm it.
    let mut other = s.client();
    other.login("mallory");
    let r = other.submit("/import", "/import/confirm", &[("upload", &key)]);
    assert!(flash(&other.follow(&r)).is_some_and(|f| f.contains("expired")));
    let r = c.post_form("/import/confirm", &[("csrf", &token), ("upload", &key)]);
    assert_eq!(r.status, 303, "{}", r.text());
    let page = c.follow(&r);
    assert!(flash(&page).is_some_and(|f| f.contains("Imported") && f.contains("1 new")), "{page}");
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'Weathering' AND status = 'suggested'"), 1);
    let runs = w.ok(&["log", "--entity", "reading", "--by", "amina", "--format", "csv"]);
    assert!(runs.contains("Weathering"), "{runs}");
    assert_eq!(w.count("SELECT count(*) FROM import_run WHERE path = 'group list.csv (uploaded)'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM import_run WHERE path LIKE '%canon-serve-%'"), 0);
    let r = c.post_form("/import/confirm", &[("csrf", &token), ("upload", &key)]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.contains("expired")), "confirmed once only");

    // An unreadable file: the importer's message, nothing written.
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "reading"), ("format", "bibtex")],
        ("file", "x.bib", b"@article{broken, title = {Unclosed"),
    );
    assert_eq!(r.status, 200);
    assert!(r.text().contains("x.bib:"), "{}", r.text());
    let r = c.post_multipart("/import", &[("csrf", &token), ("kind", "modules")], ("file", "empty.csv", b""));
    assert_eq!(r.status, 422);
    assert!(r.text().contains("empty"));

    // Large but within the 16 MiB limit: previewed, as a small file is (the
    // form's token is found however far the file runs).
    let mut large = String::from("programme,year,module_code,module_title,session_title\n");
    let mut k = 0;
    while large.len() < 3 * 1024 * 1024 {
        k += 1;
        large.push_str(&format!("MBBS,1,BIG{},Big module {},Session number {k} of a long list\n", k / 500, k / 500));
    }
    let r =
        c.post_multipart("/import", &[("csrf", &token), ("kind", "modules")], ("file", "large.csv", large.as_bytes()));
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(!r.text().contains("expired"), "{}", r.text());
    assert!(r.text().contains("large.csv"), "{}", r.text());

    // Too large: refused before it is read.
    let big = vec![b'a'; 17 * 1024 * 1024];
    let r = c.post_multipart("/import", &[("csrf", &token), ("kind", "modules")], ("file", "big.csv", &big));
    assert_eq!(r.status, 413);
    let leftovers: Vec<_> = std::fs::read_dir(&tmp).unwrap().filter_map(|e| e.ok()).collect();
    assert!(leftovers.is_empty(), "temporary folders left behind: {leftovers:?}");
}

#[test]
fn the_report_downloads_without_writing_next_to_the_database() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let listing = || {
        let mut v: Vec<String> = std::fs::read_dir(w.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let before = listing();
    let r = c.get("/report/download?format=pdf&year=2&style=apa&title=Year+2+review");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.body.starts_with(b"%PDF-"));
    assert_eq!(r.header("content-type"), Some("application/pdf"));
    assert_eq!(r.header("content-disposition"), Some("attachment; filename=\"canon-report.pdf\""));
    let pdf = w.write("got.pdf", &r.body);
    let text = common::pdf_text(&pdf).join("\n");
    assert!(text.contains("Year 2 review"), "the title asked for");
    std::fs::remove_file(pdf).unwrap();

    let r = c.get("/report/download?format=csv&theme=epistemic-bias&include_rejected=1");
    assert_eq!(r.status, 200);
    assert!(r.text().starts_with("section,scope,theme,measure,value,detail"), "{}", r.text());
    let r = c.get("/report/download?format=json");
    assert_eq!(r.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&r.body).expect("json");
    assert!(v.is_object());
    // Issue 12's styles by name; a style file is never read from the browser.
    assert_eq!(c.get("/report/download?format=csv&style=harvard").status, 200);
    for bad in [
        "format=doc",
        "theme=nope",
        "year=banana",
        "module=NOPE1",
        "style=nope",
        "style=%2Fetc%2Fpasswd",
        "style=mine.csl",
        "style=..%2Fx",
    ] {
        let r = c.get(&format!("/report/download?{bad}"));
        assert_eq!(r.status, 400, "{bad}");
    }
    assert_eq!(listing(), before, "downloads are made elsewhere");
}

#[test]
fn many_writers_at_once_lose_nothing() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let items: Vec<i64> = w
        .json(&["item", "list", "--untagged", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .take(60)
        .collect();
    assert_eq!(items.len(), 60);
    let port = s.port;
    let mut threads = Vec::new();
    for t in 0..6 {
        let mine: Vec<i64> = items[t * 8..t * 8 + 8].to_vec();
        threads.push(std::thread::spawn(move || {
            let mut c = Client::new(port);
            c.login(&format!("writer-{t}"));
            let token = csrf(&c.page("/import"));
            for id in mine {
                for theme in ["1", "2"] {
                    let r = c.post_form(
                        "/tag",
                        &[("csrf", &token), ("target", &format!("item:{id}")), ("theme", theme), ("back", "/")],
                    );
                    assert_eq!(r.status, 303);
                    let page = c.follow(&r);
                    let msg = flash(&page).unwrap_or_default();
                    assert!(msg.starts_with("Tagged"), "writer-{t}: {msg}");
                    assert!(!page.contains("locked"), "{page}");
                }
            }
        }));
    }
    // The command line writes alongside.
    let cli: Vec<_> = (0..2)
        .map(|k| {
            let ids: Vec<String> = items[48 + k * 6..48 + k * 6 + 6].iter().map(|i| i.to_string()).collect();
            let db = w.db();
            std::thread::spawn(move || {
                for id in ids {
                    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("canon"))
                        .arg("--db")
                        .arg(&db)
                        .args(["tag", &id, "historical-awareness", "epistemic-bias", "--by", &format!("cli-{k}")])
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                }
            })
        })
        .collect();
    for t in threads.into_iter().chain(cli) {
        t.join().expect("a writer failed");
    }
    let list: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    let tagged =
        w.count(&format!("SELECT count(*) FROM item_tag WHERE item_id IN ({}) AND theme_id IN (1, 2)", list.join(",")));
    assert_eq!(tagged, 120, "every writer's every tag is there");
    let logged = w.count("SELECT count(*) FROM history h JOIN contributor c ON c.id = h.by_id WHERE h.entity = 'item_tag' AND (c.name LIKE 'writer-%' OR c.name LIKE 'cli-%')");
    assert_eq!(logged, 120);
    // And the overview counts them.
    let mut c = s.client();
    c.login("reader");
    assert!(c.page("/").contains("sessions tagged with a theme"));
}

/// The value of a form field `name` in a page.
fn field(html: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = html.find(&key).unwrap_or_else(|| panic!("no field {name}"));
    let rest = &html[at + key.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

#[test]
fn readings_and_sessions_are_corrected_and_removed_through_the_history() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let reading = w.count("SELECT id FROM reading WHERE doi = '10.1056/NEJMms2004740'");
    let page = format!("/readings/{reading}");
    assert!(c.page(&page).contains(&format!("href=\"/readings/{reading}/edit\"")));

    // Edit: only the fields changed are written, as one change.
    let form = c.page(&format!("{page}/edit"));
    assert!(form.contains("<label for=\"e-title\">"));
    let title = field(&form, "was_title");
    assert!(title.starts_with("Hidden in Plain Sight"));
    let token = csrf(&form);
    let r = c.post_form(
        &format!("{page}/edit"),
        &[
            ("csrf", &token),
            ("was_title", &title),
            ("title", &title),
            ("was_year", "2020"),
            ("year", "2021"),
            ("was_language", ""),
            ("language", "en"),
        ],
    );
    let after = c.follow(&r);
    assert!(flash(&after).is_some_and(|f| f.contains("year: 2020 → 2021")), "{after}");
    let v = w.json(&["reading", "show", &reading.to_string(), "--format", "json"]);
    assert_eq!(v["year"], 2021);
    assert_eq!(v["language"], "en");
    let edit_id = w.count(&format!("SELECT max(id) FROM history WHERE entity = 'reading' AND entity_id = {reading}"));

    // Someone changes the title meanwhile: a form still showing the old one
    // does not overwrite it, and a form changing another field keeps theirs.
    let form = c.page(&format!("{page}/edit"));
    let token = csrf(&form);
    w.ok(&["reading", "edit", &reading.to_string(), "--title", "Hidden in Plain Sight (corrected)", "--by", "ben"]);
    let r = c.post_form(&format!("{page}/edit"), &[("csrf", &token), ("was_title", &title), ("title", "Mine")]);
    assert_eq!(r.location(), format!("{page}/edit"));
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.contains("someone changed the title")));
    let r = c.post_form(
        &format!("{page}/edit"),
        &[("csrf", &token), ("was_title", &title), ("title", &title), ("was_year", "2021"), ("year", "2019")],
    );
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.starts_with("Saved")));
    let v = w.json(&["reading", "show", &reading.to_string(), "--format", "json"]);
    assert_eq!(v["title"], "Hidden in Plain Sight (corrected)");
    assert_eq!(v["year"], 2019);
    // A bad value is refused with the library's message; nothing written.
    let form = c.page(&format!("{page}/edit"));
    let r = c.post_form(
        &format!("{page}/edit"),
        &[("csrf", &csrf(&form)), ("was_doi", &field(&form, "was_doi")), ("doi", "nope")],
    );
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.contains("is not a DOI")));

    // Undo the first edit from the history: refused, a later change touched it.
    let r = c.submit("/history", "/undo", &[("id", &edit_id.to_string())]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.starts_with("Not done")));

    // Link it, unlink it from the module page, and undo the unlink.
    let m = module_id(&w, "MED2003");
    let mp = format!("/modules/{m}");
    let r =
        c.submit(&mp, "/link", &[("reading", &reading.to_string()), ("target", &format!("module:{m}")), ("back", &mp)]);
    let after = c.follow(&r);
    assert!(after.contains("Unlink “Hidden in Plain Sight (corrected)”"), "{after}");
    let link = w.count(&format!("SELECT id FROM link WHERE reading_id = {reading} AND module_id = {m}"));
    let r = c.submit(&mp, "/unlink", &[("link", &link.to_string()), ("back", &format!("{mp}#readings"))]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.starts_with("Unlinked")));
    assert_eq!(w.count(&format!("SELECT count(*) FROM link WHERE id = {link}")), 0);
    let undo = w.count("SELECT max(id) FROM history WHERE entity = 'link'");
    let r = c.submit("/history", "/undo", &[("id", &undo.to_string())]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.starts_with("Undone")));
    assert_eq!(w.count(&format!("SELECT count(*) FROM link WHERE id = {link}")), 1);

    // Remove: the page says what goes with it; the removal is one change undo reverts.
    let confirm = c.page(&format!("{page}/remove"));
    assert!(confirm.contains("name=\"force\""), "it is linked, so removing it needs force: {confirm}");
    assert!(confirm.contains("link"), "{confirm}");
    let r = c.submit(&format!("{page}/remove"), &format!("{page}/remove"), &[("force", "1")]);
    assert_eq!(r.location(), "/readings");
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.starts_with("Removed reading")));
    assert_eq!(w.count(&format!("SELECT count(*) FROM reading WHERE id = {reading}")), 0);
    assert_eq!(c.get(&page).status, 404);
    let gone = w.count("SELECT max(id) FROM history WHERE entity = 'reading'");
    let r = c.submit("/history", "/undo", &[("id", &gone.to_string())]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.starts_with("Undone")));
    assert_eq!(w.count(&format!("SELECT count(*) FROM link WHERE reading_id = {reading}")), 1, "back with its link");

    // A session: edit its title and Bloom level, then remove it.
    let item = item_id(&w, "MED2003", "");
    let form = c.page(&format!("/items/{item}/edit"));
    let old = field(&form, "was_title");
    let r = c.post_form(
        &format!("/items/{item}/edit"),
        &[
            ("csrf", &csrf(&form)),
            ("was_title", &old),
            ("title", "Acute kidney injury: causes and staging"),
            ("was_bloom_override", ""),
            ("bloom_override", "analyse"),
        ],
    );
    let after = c.follow(&r);
    assert!(flash(&after).is_some_and(|f| f.contains("Acute kidney injury: causes and staging")), "{after}");
    assert!(after.contains("Bloom level: analyse (set by hand)"), "back on the module page");
    let confirm = c.page(&format!("/items/{item}/remove"));
    assert!(!confirm.contains("name=\"force\""), "nothing depends on it");
    let r = c.submit(&format!("/items/{item}/remove"), &format!("/items/{item}/remove"), &[]);
    assert_eq!(r.location(), format!("/modules/{m}#sessions"));
    assert_eq!(w.count(&format!("SELECT count(*) FROM item WHERE id = {item}")), 0);
    let log = w.ok(&["log", "--entity", "item", "--id", &item.to_string(), "--format", "csv"]);
    assert!(log.lines().filter(|l| l.contains("amina")).count() >= 2, "{log}");
}

/// The lines of a command's stderr that name `file` (its problems), in order.
fn problem_lines(stderr: &str, file: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{file}:")) && !l.starts_with(&format!("{file}: columns read")))
        .map(String::from)
        .collect()
}

#[test]
fn an_upload_takes_workbooks_and_curriculum_inventory_xml_as_the_command_line_does() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let token = csrf(&c.page("/import"));
    let items = w.count("SELECT count(*) FROM item");
    let history = history_rows(&w);
    let data = |name: &str| {
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)).unwrap()
    };
    let text = |r: &common::web::Response| common::web::strip_tags(&r.text());

    // A workbook with bad cells: every problem as `file:Sheet!Cell: message`, the
    // same lines the command line prints, and nothing written.
    let broken = data("broken.xlsx");
    w.write("broken.xlsx", &broken);
    let cli = problem_lines(&w.fails(&["import", "modules", "broken.xlsx"]), "broken.xlsx");
    assert!(cli.len() >= 5 && cli.iter().any(|l| l.starts_with("broken.xlsx:Modules!C7: ")), "{cli:?}");
    let r = c.post_multipart("/import", &[("csrf", &token), ("kind", "modules")], ("file", "broken.xlsx", &broken));
    assert_eq!(r.status, 200, "{}", r.text());
    let page = text(&r);
    for line in &cli {
        assert!(page.contains(line.as_str()), "the page lacks {line:?}:\n{page}");
    }
    assert!(!r.text().contains("/import/confirm"), "no confirmation for a refused workbook");
    assert!(page.contains("Row"), "a sheet's positions are rows");
    assert_eq!(w.count("SELECT count(*) FROM item"), items);
    assert_eq!(history_rows(&w), history);

    // A sheet that is not there, or not a module list: the command line's message.
    let faculty = data("faculty.xlsx");
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "modules"), ("sheet", "Timetable")],
        ("file", "faculty.xlsx", &faculty),
    );
    assert_eq!(r.status, 422);
    assert!(text(&r).contains("no sheet named \"Timetable\"; the workbook has \"Notes\", \"List\""), "{}", text(&r));
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "modules"), ("sheet", "Notes")],
        ("file", "faculty.xlsx", &faculty),
    );
    assert!(text(&r).contains("faculty.xlsx:Notes!A1: no column for module_code, module_title"), "{}", text(&r));

    // .xlsx, .xls and .ods by content: the sheet read, the header report with the
    // sheet's column letters, the rows as rows; written only when confirmed.
    for name in ["faculty.xlsx", "faculty.xls", "faculty.ods"] {
        let bytes = data(name);
        w.write(name, &bytes);
        let dry = w.cmd(&["import", "modules", name, "--sheet", "List", "--dry-run"]).output().unwrap();
        assert!(dry.status.success(), "{name}");
        let said = String::from_utf8(dry.stderr).unwrap();
        let sheet_note =
            said.lines().find(|l| l.starts_with("note: reading sheet")).expect("the sheet note").to_string();
        let r = c.post_multipart(
            "/import",
            &[("csrf", &token), ("kind", "modules"), ("sheet", "List"), ("programme", "Faculty files")],
            ("file", name, &bytes),
        );
        assert_eq!(r.status, 200, "{name}: {}", r.text());
        let page = text(&r);
        assert!(page.contains(sheet_note.trim_start_matches("note: ")), "{name}: the page lacks {sheet_note:?}");
        assert!(r.text().contains("<td class=\"num\">C</td>"), "{name}: columns by their letters");
        assert!(r.text().contains("/import/confirm"), "{name}: {page}");
    }
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "modules"), ("sheet", "List"), ("programme", "Faculty files")],
        ("file", "faculty.xlsx", &faculty),
    );
    let key = r.text().split("name=\"upload\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_string();
    assert_eq!(w.count("SELECT count(*) FROM item"), items, "previews write nothing");
    let r = c.post_form("/import/confirm", &[("csrf", &token), ("upload", &key)]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.contains("Imported")));
    assert_eq!(w.count("SELECT count(*) FROM item"), items + 4);
    assert_eq!(w.count("SELECT count(*) FROM import_run WHERE path = 'faculty.xlsx (uploaded)'"), 1);

    // A Curriculum Inventory document: the document's report, then the import.
    let ci = std::fs::read(common::sample("curriculum-inventory.xml")).unwrap();
    let r = c.post_multipart("/import", &[("csrf", &token), ("kind", "modules")], ("file", "ci.xml", &ci));
    assert_eq!(r.status, 200, "{}", r.text());
    let page = text(&r);
    assert!(page.contains("read as a MedBiquitous Curriculum Inventory"), "{page}");
    assert!(page.contains("programme \"MD Program\"; 3 academic levels → years 1–3"), "{page}");
    assert!(page.contains("12 new"), "{page}");
    let key = r.text().split("name=\"upload\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_string();
    let r = c.post_form("/import/confirm", &[("csrf", &token), ("upload", &key)]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.contains("12 new")));
    assert_eq!(w.count("SELECT count(*) FROM programme WHERE name = 'MD Program'"), 1);

    // A malformed one: placed at file:line:column as the command line places it.
    let bad = String::from_utf8(ci).unwrap().replacen("</Title>", "", 1);
    w.write("bad ci.xml", &bad);
    let cli = problem_lines(&w.fails(&["import", "modules", "bad ci.xml"]), "bad ci.xml");
    assert!(!cli.is_empty());
    let before = w.count("SELECT count(*) FROM item");
    let r =
        c.post_multipart("/import", &[("csrf", &token), ("kind", "modules")], ("file", "bad ci.xml", bad.as_bytes()));
    let page = text(&r);
    for line in &cli {
        assert!(page.contains(line.as_str()), "the page lacks {line:?}:\n{page}");
    }
    assert_eq!(w.count("SELECT count(*) FROM item"), before);

    // A reading list in a workbook goes through the reading importer.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("Readings").unwrap();
    for (col, h) in ["Title", "Authors", "Year", "Type", "Shelf mark"].iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for (col, v) in ["Medical Apartheid", "Washington, Harriet A.", "2006", "book", "R 123"].iter().enumerate() {
        sheet.write_string(1, col as u16, *v).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "reading"), ("status", "suggested")],
        ("file", "list.xlsx", &bytes),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let page = text(&r);
    assert!(page.contains("reading sheet \"Readings\""), "{page}");
    assert!(page.contains("Shelf mark") && page.contains("not read"), "the column not read is named: {page}");
    assert!(r.text().contains("/import/confirm"), "{page}");

    // Leaving the invalid records out (--skip-invalid): they are listed as the
    // command line lists them, and the valid ones are imported on confirmation.
    let csv =
        "title,authors,year,type\nThe Body Multiple,\"Mol, Annemarie\",2002,book\nNo year here,\"Doe, J.\",20x2,book\n";
    w.write("mixed.csv", csv);
    let out = w.cmd(&["import", "reading", "mixed.csv", "--skip-invalid", "--dry-run"]).output().unwrap();
    let cli = problem_lines(&String::from_utf8(out.stderr).unwrap(), "mixed.csv");
    assert!(cli.iter().any(|l| l.starts_with("mixed.csv:3:")), "{cli:?}");
    let refused =
        c.post_multipart("/import", &[("csrf", &token), ("kind", "reading")], ("file", "mixed.csv", csv.as_bytes()));
    assert!(!refused.text().contains("/import/confirm"), "without the box, a bad row refuses the file");
    let r = c.post_multipart(
        "/import",
        &[("csrf", &token), ("kind", "reading"), ("skip_invalid", "1")],
        ("file", "mixed.csv", csv.as_bytes()),
    );
    let page = text(&r);
    for line in &cli {
        assert!(page.contains(line.as_str()), "the page lacks {line:?}:\n{page}");
    }
    assert!(page.contains("1 invalid record(s) left out"), "{page}");
    let key = r.text().split("name=\"upload\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_string();
    let r = c.post_form("/import/confirm", &[("csrf", &token), ("upload", &key)]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.contains("Imported")));
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'The Body Multiple'"), 1);
    assert_eq!(w.count("SELECT count(*) FROM reading WHERE title = 'No year here'"), 0);
}

#[test]
fn the_committee_workbook_downloads_as_the_command_line_writes_it() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    assert!(c.page("/report").contains("value=\"xlsx\""));
    w.ok(&["report", "committee.xlsx", "--year", "2"]);
    let r = c.get("/report/download?format=xlsx&year=2");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assert_eq!(r.header("content-disposition"), Some("attachment; filename=\"canon-report.xlsx\""));
    assert_eq!(r.body, std::fs::read(w.path("committee.xlsx")).unwrap(), "the same bytes as `canon report`");
}

#[test]
fn the_gaps_page_leads_with_the_findings_canon_gaps_lists() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let findings = w.json(&["gaps", "--findings", "--format", "json"]);
    let findings = findings.as_array().unwrap();
    assert!(findings.len() > 1);
    let page = common::web::strip_tags(&c.page("/gaps"));
    assert!(page.contains(&format!("Findings ({})", findings.len())), "{page}");
    let mut at = 0;
    for f in findings {
        let headline = f["headline"].as_str().unwrap();
        let found = page[at..].find(headline).unwrap_or_else(|| panic!("{headline:?} missing or out of order"));
        at += found;
        assert!(page.contains(f["next_step"].as_str().unwrap()));
    }
    // A finding's page lists exactly the gaps behind it.
    let gaps = w.json(&["gaps", "--format", "json"]);
    for f in findings.iter().take(3) {
        let id = f["id"].as_str().unwrap();
        let want: Vec<&str> = f["gaps"].as_array().unwrap().iter().map(|g| g.as_str().unwrap()).collect();
        // 50 gaps a page (13q: the finding on modules with no theme holds
        // their gaps on single themes too, more than a page): every page of it.
        let mut html = String::new();
        for p in 1..=want.len().div_ceil(50) {
            html.push_str(&c.page(&format!("/gaps?finding={id}&page={p}")));
        }
        let shown: Vec<&str> = html
            .split("<article class=\"gap ")
            .skip(1)
            .filter_map(|a| a.split("id=\"").nth(1).and_then(|x| x.split('"').next()))
            .collect();
        let mut sorted_want = want.clone();
        sorted_want.sort();
        let mut sorted_shown = shown.clone();
        sorted_shown.sort();
        assert_eq!(sorted_shown, sorted_want, "{id}");
        for g in gaps.as_array().unwrap().iter().filter(|g| want.contains(&g["id"].as_str().unwrap())) {
            assert_eq!(g["finding"], id);
        }
    }
    // Scoped, the findings are those of the scope.
    let scoped = w.json(&["gaps", "--findings", "--year", "2", "--format", "json"]);
    let page = common::web::strip_tags(&c.page("/gaps?year=2"));
    assert!(page.contains(&format!("Findings ({})", scoped.as_array().unwrap().len())), "{page}");
}

/// 10e: a name is one limit in the browser and on the command line (500
/// characters, from `limits`), and refused in the same words.
#[test]
fn a_name_has_one_limit_in_the_browser_and_on_the_command_line() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    let who = c.page("/who");
    assert!(who.contains("maxlength=\"500\""), "the form allows what the command line allows");
    // 300 characters of Devanagari: over the old web limit of 100, within the shared one.
    let long = "अ".repeat(300);
    let token = csrf(&who);
    let r = c.post_form("/who", &[("csrf", &token), ("name", &long), ("role", "student"), ("next", "/")]);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(w.count(&format!("SELECT count(*) FROM contributor WHERE name = '{long}'")), 1);
    w.ok(&["contributor", "add", &"ب".repeat(500), "--by", "amina"]);
    // One over: refused at both doors, with the same sentence.
    let over = "ب".repeat(501);
    let mut d = s.client();
    let token = csrf(&d.page("/who"));
    let r = d.post_form("/who", &[("csrf", &token), ("name", &over), ("role", "student"), ("next", "/")]);
    let web = flash(&d.follow(&r)).unwrap_or_default();
    let cli = w.fails(&["contributor", "add", &over, "--by", "amina"]);
    let want = "contributor name is 501 characters long; expected at most 500 for a name";
    assert!(web.contains(want), "web: {web}");
    assert!(cli.contains(want), "cli: {cli}");
}

/// 10e: the self-approval refusal in the browser says what to do there
/// (the form's check box), not the command line's `--self`; the command
/// line still names `--self`.
#[test]
fn self_approval_is_explained_in_the_words_of_each_door() {
    let w = samples();
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let r = c.submit("/readings/new", "/readings", &[("title", "Black Skin, White Masks"), ("type", "book")]);
    assert_eq!(r.status, 303, "{}", r.text());
    let id = w.count("SELECT id FROM reading WHERE title = 'Black Skin, White Masks'");
    let r = c.submit("/review", "/review", &[("reading", &id.to_string()), ("decision", "approved")]);
    let msg = flash(&c.follow(&r)).unwrap_or_default();
    assert!(msg.contains("you suggested \"Black Skin, White Masks\" yourself"), "{msg}");
    assert!(msg.contains("tick “I suggested it myself; my group allows that”"), "{msg}");
    assert!(!msg.contains("--self"), "a command-line flag on a web page: {msg}");
    // The box the message names is on the page, and works.
    let queue = c.page("/review");
    assert!(queue.contains("I suggested it myself; my group allows that"));
    let r = c.submit("/review", "/review", &[("reading", &id.to_string()), ("decision", "approved"), ("self", "1")]);
    assert!(flash(&c.follow(&r)).is_some_and(|f| f.contains("suggested → approved")));
    // The command line names its own flag.
    w.ok(&["reading", "add", "--title", "Orientalism", "--type", "book", "--doi", "10.5555/orient", "--by", "zoe"]);
    let err = w.fails(&["review", "10.5555/orient", "--approve", "--by", "zoe"]);
    assert!(err.contains("you suggested \"Orientalism\" yourself") && err.contains("pass --self"), "{err}");
}

/// 10e: undo says the same thing in the browser and on the command line,
/// and a change number that is not one gets a page that says so.
#[test]
fn undo_has_one_wording_and_a_bad_number_gets_a_message() {
    let w = samples();
    w.ok(&["theme", "add", "colourism", "--name", "Colourism", "--by", "amina"]);
    w.ok(&["theme", "add", "land", "--name", "Land", "--by", "amina"]);
    let first = w.count("SELECT max(id) FROM history WHERE entity = 'theme' AND after LIKE '%colourism%'");
    let second = w.count("SELECT max(id) FROM history WHERE entity = 'theme' AND after LIKE '%\"land\"%'");
    let cli = w.ok_stderr(&["undo", &first.to_string(), "--by", "amina"]);
    assert!(cli.contains(&format!("Undone #{first}: removed the theme that #{first} added")), "{cli}");
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let r = c.submit("/history", "/undo", &[("id", &second.to_string())]);
    let web = flash(&c.follow(&r)).unwrap_or_default();
    assert!(web.contains(&format!("Undone #{second}: removed the theme that #{second} added")), "{web}");
    // Not a number: the history again, with a message; nothing undone.
    let before = w.count("SELECT count(*) FROM history");
    for bad in ["abc", "", "-3", "12abc"] {
        let r = c.submit("/history", "/undo", &[("id", bad)]);
        assert_eq!(r.status, 303, "{bad:?}: {}", r.text());
        let page = c.follow(&r);
        let msg = flash(&page).unwrap_or_default();
        assert!(msg.contains("is not a change number"), "{bad:?}: {msg}");
    }
    assert_eq!(w.count("SELECT count(*) FROM history"), before);
    // Any other form a handler cannot read is a page that says so, not a bare error.
    let r = c.submit("/readings/new", "/review", &[("reading", "abc"), ("decision", "approved")]);
    assert_eq!(r.status, 422);
    assert!(r.header("content-type").is_some_and(|t| t.starts_with("text/html")));
    let page = r.text();
    assert!(page.contains("The form could not be read") && page.contains("nothing was changed"), "{page}");
    assert!(page.contains("<a href=\"/\">"), "a way back: {page}");
}

/// A right-to-left title beside a year, a code or a status keeps them in
/// their place: every page that composes a line with a user's title isolates
/// it (`<bdi>`), as the gaps page does.
#[test]
fn right_to_left_titles_are_isolated_on_every_page() {
    let w = samples();
    let title = "الطب الاستعماري في مصر";
    w.ok(&[
        "reading",
        "add",
        "--title",
        title,
        "--author",
        "سالم، منى",
        "--year",
        "2021",
        "--theme",
        "historical-awareness",
        "--by",
        "amina",
    ]);
    let reading = w.count("SELECT id FROM reading WHERE title LIKE 'الطب%'");
    let csv = "programme,year,module_code,module_title,session_title,learning_outcomes,themes\n\
               MBBS,2,MED9,Global health,صحة المرأة في الريف,Describe rural care,historical-awareness\n";
    let f = w.write("rtl.csv", csv);
    w.ok(&["import", "modules", f.to_str().unwrap(), "--by", "amina"]);
    w.ok(&["link", &reading.to_string(), "MED9", "--by", "amina"]);
    let m = module_id(&w, "MED9");
    let s = Server::start(&w, &[]);
    let mut c = s.client();
    c.login("amina");
    let reading_bdi = format!("<bdi>{title}</bdi>");
    assert!(
        c.page(&format!("/readings/{reading}")).contains(&format!("<h1 dir=\"auto\">{title}</h1>")),
        "the reading's own page does not head it right to left"
    );
    for p in
        ["/readings?status=suggested".to_string(), format!("/modules/{m}"), "/search?q=%D8%A7%D9%84%D8%B7%D8%A8".into()]
    {
        let html = c.page(&p);
        assert!(html.contains(&reading_bdi), "GET {p} does not isolate {title:?}:\n{html}");
    }
    let found = c.page("/search?q=%D8%A7%D9%84%D8%B7%D8%A8");
    assert!(found.contains("0 sessions and 2 readings match."), "{found}");
    let found = c.page(&format!("/search?q={}", "%D8%B5%D8%AD%D8%A9%20%D8%A7%D9%84%D9%85%D8%B1%D8%A3%D8%A9"));
    assert!(found.contains("1 session and 0 readings match."), "{found}");
    let session_bdi = "<bdi>صحة المرأة في الريف</bdi>";
    for p in [format!("/modules/{m}"), "/search?q=%D8%B5%D8%AD%D8%A9".into()] {
        let html = c.page(&p);
        assert!(html.contains(session_bdi), "GET {p} does not isolate the session title:\n{html}");
    }
}
