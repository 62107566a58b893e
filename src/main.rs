use std::io;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc in place of the system allocator: the report makes and drops
/// many small strings and glyph vectors (malloc and free were a fifth of its
/// instructions with glibc's allocator).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = canon::cli::Cli::parse();
    match canon::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`canon item list | head`) is not an error.
            if err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
            {
                return ExitCode::SUCCESS;
            }
            let text = match err.downcast_ref::<canon::import::ImportErrors>() {
                Some(errors) => errors.to_string(),
                None => format!("canon: {err:#}"),
            };
            // Shown, never sent: control characters escaped; no line echoes
            // more than 1,000 characters of what was given.
            for line in text.lines() {
                eprintln!("{}", canon::output::terminal(&canon::limits::cut(line, 1_000)));
            }
            ExitCode::FAILURE
        }
    }
}
