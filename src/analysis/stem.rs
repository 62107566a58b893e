//! English word stems by the Porter algorithm: Porter, M. F. (1980) "An
//! algorithm for suffix stripping", *Program* 14(3): 130–137, the same
//! algorithm as SQLite FTS5's `porter` tokenizer, so a lexicon keyword and a
//! search query reduce a word to the same stem ("colonial" and "colonialism"
//! both to "coloni"). Words that are not lower-case ASCII letters, or shorter
//! than three letters, are returned unchanged.

use std::borrow::Cow;

/// The Porter stem of a lower-case word.
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.into();
    }
    let mut w = Word(word.as_bytes().to_vec());
    w.step1a();
    w.step1b();
    w.step1c();
    w.step2();
    w.step3();
    w.step4();
    w.step5();
    match String::from_utf8(w.0) {
        Ok(s) if s != word => s.into(),
        _ => word.into(),
    }
}

struct Word(Vec<u8>);

impl Word {
    /// Whether the letter at `i` is a consonant (a `y` after a consonant is a vowel).
    fn cons(&self, i: usize) -> bool {
        match self.0[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !self.cons(i - 1),
            _ => true,
        }
    }

    /// The measure m of the first `len` letters: the number of vowel–consonant sequences.
    fn measure(&self, len: usize) -> usize {
        let mut m = 0;
        let mut i = 0;
        while i < len && self.cons(i) {
            i += 1;
        }
        loop {
            while i < len && !self.cons(i) {
                i += 1;
            }
            if i >= len {
                return m;
            }
            while i < len && self.cons(i) {
                i += 1;
            }
            m += 1;
        }
    }

    fn has_vowel(&self, len: usize) -> bool {
        (0..len).any(|i| !self.cons(i))
    }

    /// Ends in a double consonant.
    fn double_cons(&self, len: usize) -> bool {
        len >= 2 && self.0[len - 1] == self.0[len - 2] && self.cons(len - 1)
    }

    /// Ends consonant–vowel–consonant, the last not w, x or y.
    fn cvc(&self, len: usize) -> bool {
        len >= 3
            && self.cons(len - 1)
            && !self.cons(len - 2)
            && self.cons(len - 3)
            && !matches!(self.0[len - 1], b'w' | b'x' | b'y')
    }

    fn ends(&self, s: &str) -> bool {
        self.0.ends_with(s.as_bytes())
    }

    /// Replaces suffix `s` by `r` when the stem before it has measure > `m`.
    fn replace_if(&mut self, s: &str, r: &str, m: usize) -> bool {
        if !self.ends(s) {
            return false;
        }
        let stem = self.0.len() - s.len();
        if self.measure(stem) > m {
            self.0.truncate(stem);
            self.0.extend_from_slice(r.as_bytes());
        }
        true
    }

    fn step1a(&mut self) {
        if self.ends("sses") || self.ends("ies") {
            self.0.truncate(self.0.len() - 2);
        } else if self.ends("s") && !self.ends("ss") {
            self.0.pop();
        }
    }

    fn step1b(&mut self) {
        if self.ends("eed") {
            let stem = self.0.len() - 3;
            if self.measure(stem) > 0 {
                self.0.pop();
            }
            return;
        }
        let cut = if self.ends("ed") && self.has_vowel(self.0.len() - 2) {
            2
        } else if self.ends("ing") && self.has_vowel(self.0.len() - 3) {
            3
        } else {
            return;
        };
        self.0.truncate(self.0.len() - cut);
        let len = self.0.len();
        if self.ends("at") || self.ends("bl") || self.ends("iz") {
            self.0.push(b'e');
        } else if self.double_cons(len) && !matches!(self.0[len - 1], b'l' | b's' | b'z') {
            self.0.pop();
        } else if self.measure(len) == 1 && self.cvc(len) {
            self.0.push(b'e');
        }
    }

    fn step1c(&mut self) {
        let len = self.0.len();
        if self.ends("y") && self.has_vowel(len - 1) {
            self.0[len - 1] = b'i';
        }
    }

    fn step2(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("ational", "ate"),
            ("tional", "tion"),
            ("enci", "ence"),
            ("anci", "ance"),
            ("izer", "ize"),
            ("bli", "ble"),
            ("alli", "al"),
            ("entli", "ent"),
            ("eli", "e"),
            ("ousli", "ous"),
            ("ization", "ize"),
            ("ation", "ate"),
            ("ator", "ate"),
            ("alism", "al"),
            ("iveness", "ive"),
            ("fulness", "ful"),
            ("ousness", "ous"),
            ("aliti", "al"),
            ("iviti", "ive"),
            ("biliti", "ble"),
            ("logi", "log"),
        ];
        for (s, r) in RULES {
            if self.replace_if(s, r, 0) {
                return;
            }
        }
    }

    fn step3(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("icate", "ic"),
            ("ative", ""),
            ("alize", "al"),
            ("iciti", "ic"),
            ("ical", "ic"),
            ("ful", ""),
            ("ness", ""),
        ];
        for (s, r) in RULES {
            if self.replace_if(s, r, 0) {
                return;
            }
        }
    }

    fn step4(&mut self) {
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
        ];
        for s in SUFFIXES {
            if !self.ends(s) {
                continue;
            }
            let stem = self.0.len() - s.len();
            let ok = *s != "ion" || (stem > 0 && matches!(self.0[stem - 1], b's' | b't'));
            if ok && self.measure(stem) > 1 {
                self.0.truncate(stem);
            }
            return;
        }
    }

    fn step5(&mut self) {
        let len = self.0.len();
        if self.ends("e") {
            let m = self.measure(len - 1);
            if m > 1 || (m == 1 && !self.cvc(len - 1)) {
                self.0.pop();
            }
        }
        let len = self.0.len();
        if self.ends("ll") && self.measure(len) > 1 {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn porter_examples() {
        // From Porter (1980) and the reference vocabulary.
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("rational", "ration"),
            ("generalization", "gener"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("adjustment", "adjust"),
            ("controll", "control"),
            ("colonial", "coloni"),
            ("colonialism", "coloni"),
            ("disability", "disabl"),
            ("disabled", "disabl"),
            ("migrants", "migrant"),
            ("eugenics", "eugen"),
            ("ngũgĩ", "ngũgĩ"),
            ("is", "is"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }
}
