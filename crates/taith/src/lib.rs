pub mod cli;
pub mod database;
pub mod demo;
pub mod output;
pub mod server;
