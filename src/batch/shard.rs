//! `--shard K/N`: which records one of N independent jobs keeps, so that N Slurm array tasks or
//! GNU parallel jobs can split one input without talking to each other.
//!
//! A record belongs to shard `fnv1a64(id bytes) % N`, K counted from 0 (Slurm's
//! `--array=0-(N-1)`, GNU parallel's `{%}` minus one). FNV-1a 64 is fixed by its specification
//! (offset basis 0xcbf29ce484222325, prime 0x100000001b3), so a record lands in the same shard on
//! every machine and with every version of bialign.

use std::hash::Hasher;
use std::str::FromStr;

use crate::error::Error;

/// Shard `index` of `count`, 0-based: `0/4`, `1/4`, `2/4`, `3/4` together are the whole input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based number of this shard, below `count`.
    pub index: u64,
    /// Number of shards the input is split into (at least 1).
    pub count: u64,
}

impl Shard {
    /// Does the record with this id (or, when its id cannot be read, this raw line) belong here?
    pub fn keeps(&self, key: &[u8]) -> bool {
        fnv1a64(key) % self.count == self.index
    }
}

/// FNV-1a, 64 bits, of `bytes` (the `fnv` crate's hasher fed the bytes alone, with no length
/// or terminator as `Hash for str` would add).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    h.finish()
}

impl FromStr for Shard {
    type Err = Error;

    fn from_str(s: &str) -> Result<Shard, Error> {
        let bad = |why: &str| {
            Error::Usage(format!(
                "--shard {s}: {why}; expected K/N with 0 <= K < N, e.g. 0/8 (K counts from 0, as \
                 Slurm's --array=0-7 does)"
            ))
        };
        let (k, n) = s.split_once('/').ok_or_else(|| bad("no `/`"))?;
        let index: u64 = k.trim().parse().map_err(|_| bad("K is not a number"))?;
        let count: u64 = n.trim().parse().map_err(|_| bad("N is not a number"))?;
        if count == 0 {
            return Err(bad("N must be at least 1"));
        }
        if index >= count {
            return Err(bad("K must be less than N"));
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn parses_k_of_n_counted_from_zero() {
        assert_eq!(
            "3/8".parse::<Shard>().unwrap(),
            Shard { index: 3, count: 8 }
        );
        assert!("8/8".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("x/2".parse::<Shard>().is_err());
        assert!("2".parse::<Shard>().is_err());
    }

    #[test]
    fn every_key_is_in_exactly_one_shard() {
        for key in ["", "a", "doc-17", "http://a.example/\thttp://b.example/"] {
            let owners = (0..5)
                .filter(|&k| Shard { index: k, count: 5 }.keeps(key.as_bytes()))
                .count();
            assert_eq!(owners, 1, "{key:?}");
        }
    }
}
