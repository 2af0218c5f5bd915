pub mod bench;
pub mod cli;
pub mod database;
pub mod demo;
pub mod demo_surveys;
pub mod output;
pub mod responses_io;
pub mod server;
