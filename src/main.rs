use std::io;
use std::process::ExitCode;

use clap::Parser;

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
            if let Some(errors) = err.downcast_ref::<canon::import::ImportErrors>() {
                eprintln!("{}", canon::output::terminal(&errors.to_string()));
            } else {
                eprintln!("{}", canon::output::terminal(&format!("canon: {err:#}")));
            }
            ExitCode::FAILURE
        }
    }
}
