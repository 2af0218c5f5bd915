//! `lingua-dump MODEL.fst` prints `ngram<TAB>ln(probability)` for every entry of a lingua
//! n-gram probability model (an fst map whose values are the f64 bits of the natural log).
use fst::{Map, Streamer};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: lingua-dump MODEL.fst")?;
    let bytes = std::fs::read(path)?;
    let map = Map::new(bytes)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut stream = map.stream();
    while let Some((key, value)) = stream.next() {
        writeln!(out, "{}\t{}", String::from_utf8_lossy(key), f64::from_bits(value))?;
    }
    Ok(())
}
