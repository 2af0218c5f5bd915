//! What the CLI prints on standard output (logs go to standard error).

#![expect(clippy::print_stdout, reason = "this module is the CLI's output")]

use crate::demo::DemoCredentials;

#[derive(Debug, Clone, Copy)]
pub struct Out;

impl Out {
    pub fn line(&self, s: &str) {
        println!("{s}");
    }

    /// A note beside the output, on standard error: standard output stays what was asked for.
    pub fn note(&self, s: &str) {
        eprintln!("{s}");
    }

    /// Writes `s` as it is, for a whole file sent to standard output. A reader that stops
    /// early (`| head`) is not an error.
    pub fn file(&self, s: &str) -> std::io::Result<()> {
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }

    pub fn demo_credentials(&self, c: &DemoCredentials) {
        if c.created {
            println!("Created the demo workspace “{}”.", c.slug);
        } else {
            println!("The demo workspace “{}” already exists.", c.slug);
        }
        println!("Sign in with");
        println!("  e-mail:   {}", c.email);
        println!("  password: {}", c.password);
    }

    pub fn listening(&self, addr: std::net::SocketAddr) {
        println!("taith is serving on http://{addr}");
    }
}
