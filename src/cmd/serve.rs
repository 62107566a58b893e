use anyhow::Result;

use super::Ctx;
use crate::store::Mode;
use crate::web::{self, Config};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// The address to listen on. Anything but a loopback address (127.0.0.1, ::1, localhost)
    /// opens the workspace to the network and needs --token.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub host: String,
    /// A shared secret: without it nothing is served. Give people the printed address,
    /// which carries it once; their browser then keeps it in a cookie.
    #[arg(long, env = "CANON_TOKEN", hide_env_values = true, value_name = "SECRET")]
    pub token: Option<String>,
}

pub fn run(ctx: &Ctx, a: Args) -> Result<()> {
    // The database must exist and be migrated before anyone connects.
    drop(ctx.open(Mode::Existing)?);
    let config = Config { db: ctx.db.clone(), host: a.host, port: a.port, token: a.token, quiet: ctx.quiet };
    web::serve(config)
}
