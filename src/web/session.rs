//! Who is using the workspace, without a table: a signed cookie holds a
//! random session ID and the name or pseudonym the person chose. The key
//! lives only as long as the server, so a restart asks for the name again.
//! The CSRF token every form carries is derived from the session ID.

use anyhow::{Result, anyhow};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::forms::{decode, encode};

type HmacSha256 = Hmac<Sha256>;

/// The session cookie's name.
pub const SESSION: &str = "canon_session";
/// The cookie that proves the token was given once.
pub const AUTH: &str = "canon_auth";
/// A one-time message shown on the next page.
pub const FLASH: &str = "canon_flash";

/// `n` random bytes as lowercase hex.
pub fn random_hex(n: usize) -> Result<String> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b).map_err(|e| anyhow!("no randomness from the system: {e}"))?;
    Ok(hex(&b))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The server's signing key and the shared token, if any.
pub struct Keys {
    key: [u8; 32],
    token: Option<String>,
}

impl Keys {
    pub fn new(token: Option<String>) -> Result<Keys> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| anyhow!("no randomness from the system: {e}"))?;
        Ok(Keys { key, token })
    }

    /// HMAC-SHA-256 of `purpose` and `parts`, as hex (the first 32 bytes).
    fn mac(&self, purpose: &str, parts: &[&str]) -> String {
        let Ok(mut m) = HmacSha256::new_from_slice(&self.key) else { return String::new() };
        m.update(purpose.as_bytes());
        for p in parts {
            m.update(&[0x1f]);
            m.update(p.as_bytes());
        }
        hex(&m.finalize().into_bytes())
    }

    fn verify(&self, purpose: &str, parts: &[&str], mac: &str) -> bool {
        same(self.mac(purpose, parts).as_bytes(), mac.as_bytes())
    }

    /// Whether the server wants a token at all.
    pub fn needs_token(&self) -> bool {
        self.token.is_some()
    }

    /// Whether `given` is the token (compared in constant time).
    pub fn is_token(&self, given: &str) -> bool {
        match &self.token {
            // Compare MACs so the comparison's time says nothing about the token's length.
            Some(t) => same(self.mac("token", &[t]).as_bytes(), self.mac("token", &[given]).as_bytes()),
            None => false,
        }
    }

    /// The value of the cookie that stands for the token.
    pub fn auth_cookie(&self) -> String {
        self.mac("auth", &[])
    }

    /// Whether a cookie value stands for the token.
    pub fn is_auth_cookie(&self, value: &str) -> bool {
        self.needs_token() && same(self.auth_cookie().as_bytes(), value.as_bytes())
    }

    /// The CSRF token of a session.
    pub fn csrf(&self, sid: &str) -> String {
        self.mac("csrf", &[sid])[..40].to_string()
    }

    /// The session cookie's value.
    pub fn session_cookie(&self, s: &Session) -> String {
        let name = encode(s.name.as_deref().unwrap_or(""));
        format!("{}~{name}~{}", s.sid, self.mac("session", &[&s.sid, &name]))
    }

    /// The session a cookie value holds, if its signature is ours.
    pub fn parse_session(&self, value: &str) -> Option<Session> {
        let mut parts = value.splitn(3, '~');
        let (sid, name, mac) = (parts.next()?, parts.next()?, parts.next()?);
        if sid.len() != 32 || !self.verify("session", &[sid, name], mac) {
            return None;
        }
        let name = decode(name);
        Some(Session { sid: sid.to_string(), name: (!name.is_empty()).then_some(name), csrf: self.csrf(sid) })
    }

    /// A flash message's cookie value, bound to the session.
    pub fn flash_cookie(&self, sid: &str, f: &Flash) -> String {
        let msg = encode(&f.message);
        let kind = if f.error { "e" } else { "i" };
        format!("{kind}~{msg}~{}", self.mac("flash", &[sid, kind, &msg]))
    }

    pub fn parse_flash(&self, sid: &str, value: &str) -> Option<Flash> {
        let mut parts = value.splitn(3, '~');
        let (kind, msg, mac) = (parts.next()?, parts.next()?, parts.next()?);
        if !self.verify("flash", &[sid, kind, msg], mac) {
            return None;
        }
        Some(Flash { error: kind == "e", message: decode(msg) })
    }
}

/// One person's visit: who they said they are, and their CSRF token.
#[derive(Debug, Clone)]
pub struct Session {
    pub sid: String,
    /// The name or pseudonym changes are credited to; none until given.
    pub name: Option<String>,
    pub csrf: String,
}

impl Session {
    pub fn new(keys: &Keys) -> Result<Session> {
        let sid = random_hex(16)?;
        Ok(Session { csrf: keys.csrf(&sid), sid, name: None })
    }
}

/// A message for the next page: what an action did, or why it could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub error: bool,
    pub message: String,
}

/// What the guard hands every handler.
#[derive(Debug, Clone)]
pub struct Visit {
    pub session: Session,
    /// The message the last action left, shown once.
    pub flash: Option<Flash>,
}

impl Visit {
    /// The name changes are credited to, or an error asking for one.
    pub fn who(&self) -> Result<String> {
        self.session.name.clone().ok_or_else(|| anyhow!("say who you are first (the \"Your name\" page)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_survives_its_cookie_and_a_forged_one_does_not() {
        let k = Keys::new(None).unwrap();
        let mut s = Session::new(&k).unwrap();
        s.name = Some("Ngũgĩ ~ 鲁迅; <b>".into());
        let c = k.session_cookie(&s);
        assert!(c.bytes().all(|b| b.is_ascii_graphic() && b != b';' && b != b',' && b != b'"' && b != b'\\'), "{c}");
        let back = k.parse_session(&c).unwrap();
        assert_eq!(back.name, s.name);
        assert_eq!(back.csrf, s.csrf);
        let forged = c.replacen("Ng", "Xg", 1);
        assert!(k.parse_session(&forged).is_none());
        let other = Keys::new(None).unwrap();
        assert!(other.parse_session(&c).is_none(), "another server's key");
    }

    #[test]
    fn tokens_compare_whole() {
        let k = Keys::new(Some("s3cret".into())).unwrap();
        assert!(k.is_token("s3cret"));
        assert!(!k.is_token("s3cre"));
        assert!(!k.is_token("s3cret "));
        assert!(k.is_auth_cookie(&k.auth_cookie()));
        assert!(!Keys::new(None).unwrap().is_auth_cookie(&k.auth_cookie()));
    }

    #[test]
    fn flash_is_bound_to_its_session() {
        let k = Keys::new(None).unwrap();
        let f = Flash { error: true, message: "cannot undo #3; <script>".into() };
        let c = k.flash_cookie("a", &f);
        assert_eq!(k.parse_flash("a", &c), Some(f));
        assert_eq!(k.parse_flash("b", &c), None);
    }
}
