//! New identifiers and secrets.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new record or row id: a time-ordered UUID (v7), so ids sort by creation and are hard to
/// guess.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A new bearer token: 256 random bits, recognisable by its prefix.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("pel_{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// What is stored of a token: its SHA-256, so a leaked table does not leak working tokens.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The anti-forgery token of a browser session: derived from the session's secret, so a page of
/// another site, which cannot read the session cookie, cannot know it.
pub fn csrf_token(session_token: &str) -> String {
    token_hash(&format!("csrf:{session_token}"))[..32].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_stored_only_as_a_hash() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(a.starts_with("pel_") && a.len() > 40);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), token_hash(&b));
        assert!(new_id() < new_id(), "ids are time-ordered");
    }
}
