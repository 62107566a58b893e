//! Languages as reading lists write them, made one canonical code.
//!
//! A language may come as an ISO 639-1 code (`fr`), an ISO 639-2
//! bibliographic or terminology code (`fre`, `fra`; MEDLINE writes these),
//! an ISO 639-3 code (`yor`, `kri`, `tpi`), a BCP 47 tag or locale (`pt-BR`,
//! `en_GB`), or an English name (`French`, `Kiswahili`, `Tok Pisin`), in any
//! case. canon stores the ISO 639-1 code where the language has one, else the
//! ISO 639-3 code, with a region or script subtag kept (`pt-BR`).
//!
//! The table below is the 184 languages of ISO 639-1 with their ISO 639-2
//! and 639-3 codes and the names canon prefers in reports. Every other
//! language comes from the full ISO 639-3 code table (some 7,900 codes and
//! their English reference names, as published by SIL International, the ISO
//! 639-3 registration authority, in iso-639-3.tab), through the `isolang`
//! crate. A three-letter code that is in neither (`xyz`) is refused like any
//! other unknown language, so a typing slip is never stored as a language;
//! many languages of the Global South have no two-letter code, and each of
//! them is accepted by its ISO 639-3 code or its English name.

use std::collections::HashMap;
use std::sync::OnceLock;

use isolang::Language;

/// (ISO 639-1, ISO 639-2/B, ISO 639-3 (= 639-2/T), reference name).
const LANGUAGES: &[(&str, &str, &str, &str)] = &[
    ("aa", "aar", "aar", "Afar"),
    ("ab", "abk", "abk", "Abkhazian"),
    ("af", "afr", "afr", "Afrikaans"),
    ("ak", "aka", "aka", "Akan"),
    ("am", "amh", "amh", "Amharic"),
    ("ar", "ara", "ara", "Arabic"),
    ("an", "arg", "arg", "Aragonese"),
    ("as", "asm", "asm", "Assamese"),
    ("av", "ava", "ava", "Avaric"),
    ("ae", "ave", "ave", "Avestan"),
    ("ay", "aym", "aym", "Aymara"),
    ("az", "aze", "aze", "Azerbaijani"),
    ("ba", "bak", "bak", "Bashkir"),
    ("bm", "bam", "bam", "Bambara"),
    ("be", "bel", "bel", "Belarusian"),
    ("bn", "ben", "ben", "Bengali"),
    ("bi", "bis", "bis", "Bislama"),
    ("bo", "tib", "bod", "Tibetan"),
    ("bs", "bos", "bos", "Bosnian"),
    ("br", "bre", "bre", "Breton"),
    ("bg", "bul", "bul", "Bulgarian"),
    ("ca", "cat", "cat", "Catalan"),
    ("cs", "cze", "ces", "Czech"),
    ("ch", "cha", "cha", "Chamorro"),
    ("ce", "che", "che", "Chechen"),
    ("cu", "chu", "chu", "Church Slavic"),
    ("cv", "chv", "chv", "Chuvash"),
    ("kw", "cor", "cor", "Cornish"),
    ("co", "cos", "cos", "Corsican"),
    ("cr", "cre", "cre", "Cree"),
    ("cy", "wel", "cym", "Welsh"),
    ("da", "dan", "dan", "Danish"),
    ("de", "ger", "deu", "German"),
    ("dv", "div", "div", "Dhivehi"),
    ("dz", "dzo", "dzo", "Dzongkha"),
    ("el", "gre", "ell", "Greek"),
    ("en", "eng", "eng", "English"),
    ("eo", "epo", "epo", "Esperanto"),
    ("et", "est", "est", "Estonian"),
    ("eu", "baq", "eus", "Basque"),
    ("ee", "ewe", "ewe", "Ewe"),
    ("fo", "fao", "fao", "Faroese"),
    ("fa", "per", "fas", "Persian"),
    ("fj", "fij", "fij", "Fijian"),
    ("fi", "fin", "fin", "Finnish"),
    ("fr", "fre", "fra", "French"),
    ("fy", "fry", "fry", "Western Frisian"),
    ("ff", "ful", "ful", "Fulah"),
    ("gd", "gla", "gla", "Scottish Gaelic"),
    ("ga", "gle", "gle", "Irish"),
    ("gl", "glg", "glg", "Galician"),
    ("gv", "glv", "glv", "Manx"),
    ("gn", "grn", "grn", "Guarani"),
    ("gu", "guj", "guj", "Gujarati"),
    ("ht", "hat", "hat", "Haitian"),
    ("ha", "hau", "hau", "Hausa"),
    ("sh", "hbs", "hbs", "Serbo-Croatian"),
    ("he", "heb", "heb", "Hebrew"),
    ("hz", "her", "her", "Herero"),
    ("hi", "hin", "hin", "Hindi"),
    ("ho", "hmo", "hmo", "Hiri Motu"),
    ("hr", "hrv", "hrv", "Croatian"),
    ("hu", "hun", "hun", "Hungarian"),
    ("hy", "arm", "hye", "Armenian"),
    ("ig", "ibo", "ibo", "Igbo"),
    ("io", "ido", "ido", "Ido"),
    ("ii", "iii", "iii", "Sichuan Yi"),
    ("iu", "iku", "iku", "Inuktitut"),
    ("ie", "ile", "ile", "Interlingue"),
    ("ia", "ina", "ina", "Interlingua"),
    ("id", "ind", "ind", "Indonesian"),
    ("ik", "ipk", "ipk", "Inupiaq"),
    ("is", "ice", "isl", "Icelandic"),
    ("it", "ita", "ita", "Italian"),
    ("jv", "jav", "jav", "Javanese"),
    ("ja", "jpn", "jpn", "Japanese"),
    ("kl", "kal", "kal", "Kalaallisut"),
    ("kn", "kan", "kan", "Kannada"),
    ("ks", "kas", "kas", "Kashmiri"),
    ("ka", "geo", "kat", "Georgian"),
    ("kr", "kau", "kau", "Kanuri"),
    ("kk", "kaz", "kaz", "Kazakh"),
    ("km", "khm", "khm", "Khmer"),
    ("ki", "kik", "kik", "Kikuyu"),
    ("rw", "kin", "kin", "Kinyarwanda"),
    ("ky", "kir", "kir", "Kirghiz"),
    ("kv", "kom", "kom", "Komi"),
    ("kg", "kon", "kon", "Kongo"),
    ("ko", "kor", "kor", "Korean"),
    ("kj", "kua", "kua", "Kuanyama"),
    ("ku", "kur", "kur", "Kurdish"),
    ("lo", "lao", "lao", "Lao"),
    ("la", "lat", "lat", "Latin"),
    ("lv", "lav", "lav", "Latvian"),
    ("li", "lim", "lim", "Limburgan"),
    ("ln", "lin", "lin", "Lingala"),
    ("lt", "lit", "lit", "Lithuanian"),
    ("lb", "ltz", "ltz", "Luxembourgish"),
    ("lu", "lub", "lub", "Luba-Katanga"),
    ("lg", "lug", "lug", "Ganda"),
    ("mh", "mah", "mah", "Marshallese"),
    ("ml", "mal", "mal", "Malayalam"),
    ("mr", "mar", "mar", "Marathi"),
    ("mk", "mac", "mkd", "Macedonian"),
    ("mg", "mlg", "mlg", "Malagasy"),
    ("mt", "mlt", "mlt", "Maltese"),
    ("mn", "mon", "mon", "Mongolian"),
    ("mi", "mao", "mri", "Maori"),
    ("ms", "may", "msa", "Malay"),
    ("my", "bur", "mya", "Burmese"),
    ("na", "nau", "nau", "Nauru"),
    ("nv", "nav", "nav", "Navajo"),
    ("nr", "nbl", "nbl", "South Ndebele"),
    ("nd", "nde", "nde", "North Ndebele"),
    ("ng", "ndo", "ndo", "Ndonga"),
    ("ne", "nep", "nep", "Nepali"),
    ("nl", "dut", "nld", "Dutch"),
    ("nn", "nno", "nno", "Norwegian Nynorsk"),
    ("nb", "nob", "nob", "Norwegian Bokmål"),
    ("no", "nor", "nor", "Norwegian"),
    ("ny", "nya", "nya", "Chichewa"),
    ("oc", "oci", "oci", "Occitan"),
    ("oj", "oji", "oji", "Ojibwa"),
    ("or", "ori", "ori", "Oriya"),
    ("om", "orm", "orm", "Oromo"),
    ("os", "oss", "oss", "Iron Ossetic"),
    ("pa", "pan", "pan", "Panjabi"),
    ("pi", "pli", "pli", "Pali"),
    ("pl", "pol", "pol", "Polish"),
    ("pt", "por", "por", "Portuguese"),
    ("ps", "pus", "pus", "Pushto"),
    ("qu", "que", "que", "Quechua"),
    ("rm", "roh", "roh", "Romansh"),
    ("ro", "rum", "ron", "Romanian"),
    ("rn", "run", "run", "Rundi"),
    ("ru", "rus", "rus", "Russian"),
    ("sg", "sag", "sag", "Sango"),
    ("sa", "san", "san", "Sanskrit"),
    ("si", "sin", "sin", "Sinhala"),
    ("sk", "slo", "slk", "Slovak"),
    ("sl", "slv", "slv", "Slovenian"),
    ("se", "sme", "sme", "Northern Sami"),
    ("sm", "smo", "smo", "Samoan"),
    ("sn", "sna", "sna", "Shona"),
    ("sd", "snd", "snd", "Sindhi"),
    ("so", "som", "som", "Somali"),
    ("st", "sot", "sot", "Southern Sotho"),
    ("es", "spa", "spa", "Spanish"),
    ("sq", "alb", "sqi", "Albanian"),
    ("sc", "srd", "srd", "Sardinian"),
    ("sr", "srp", "srp", "Serbian"),
    ("ss", "ssw", "ssw", "Swati"),
    ("su", "sun", "sun", "Sundanese"),
    ("sw", "swa", "swa", "Swahili"),
    ("sv", "swe", "swe", "Swedish"),
    ("ty", "tah", "tah", "Tahitian"),
    ("ta", "tam", "tam", "Tamil"),
    ("tt", "tat", "tat", "Tatar"),
    ("te", "tel", "tel", "Telugu"),
    ("tg", "tgk", "tgk", "Tajik"),
    ("tl", "tgl", "tgl", "Tagalog"),
    ("th", "tha", "tha", "Thai"),
    ("ti", "tir", "tir", "Tigrinya"),
    ("to", "ton", "ton", "Tonga"),
    ("tn", "tsn", "tsn", "Tswana"),
    ("ts", "tso", "tso", "Tsonga"),
    ("tk", "tuk", "tuk", "Turkmen"),
    ("tr", "tur", "tur", "Turkish"),
    ("tw", "twi", "twi", "Twi"),
    ("ug", "uig", "uig", "Uighur"),
    ("uk", "ukr", "ukr", "Ukrainian"),
    ("ur", "urd", "urd", "Urdu"),
    ("uz", "uzb", "uzb", "Uzbek"),
    ("ve", "ven", "ven", "Venda"),
    ("vi", "vie", "vie", "Vietnamese"),
    ("vo", "vol", "vol", "Volapük"),
    ("wa", "wln", "wln", "Walloon"),
    ("wo", "wol", "wol", "Wolof"),
    ("xh", "xho", "xho", "Xhosa"),
    ("yi", "yid", "yid", "Yiddish"),
    ("yo", "yor", "yor", "Yoruba"),
    ("za", "zha", "zha", "Zhuang"),
    ("zh", "chi", "zho", "Chinese"),
    ("zu", "zul", "zul", "Zulu"),
];

/// Other English names people write for a language, and the code they mean.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("farsi", "fa"),
    ("mandarin", "zh"),
    ("mandarin chinese", "zh"),
    ("cantonese", "yue"),
    ("castilian", "es"),
    ("flemish", "nl"),
    ("filipino", "fil"),
    ("kiswahili", "sw"),
    ("gikuyu", "ki"),
    ("sesotho", "st"),
    ("setswana", "tn"),
    ("chichewa", "ny"),
    ("afaan oromoo", "om"),
    ("isizulu", "zu"),
    ("isixhosa", "xh"),
    ("gaelic", "gd"),
    ("scottish gaelic", "gd"),
    ("irish gaelic", "ga"),
    ("greek", "el"),
    ("modern greek", "el"),
    ("panjabi", "pa"),
    ("punjabi", "pa"),
    ("bangla", "bn"),
    ("māori", "mi"),
    ("te reo māori", "mi"),
    ("te reo maori", "mi"),
    ("ancient greek", "grc"),
    ("classical greek", "grc"),
    ("pushto", "ps"),
    ("sinhalese", "si"),
    ("uighur", "ug"),
    ("haitian creole", "ht"),
    ("krio", "kri"),
    ("twi", "tw"),
    ("nigerian pidgin", "pcm"),
    ("multiple languages", "mul"),
];

/// Languages named in another language than English or their own, as a
/// list in French, Spanish, Portuguese, German or Italian names them
/// ("anglais et français": tester94 F3).
const EXONYMS: &[(&str, &str)] = &[
    ("anglais", "en"),
    ("inglés", "en"),
    ("inglês", "en"),
    ("englisch", "en"),
    ("inglese", "en"),
    ("francés", "fr"),
    ("francês", "fr"),
    ("französisch", "fr"),
    ("francese", "fr"),
    ("espagnol", "es"),
    ("spanisch", "es"),
    ("spagnolo", "es"),
    ("espanhol", "es"),
    ("portugais", "pt"),
    ("portugués", "pt"),
    ("portugiesisch", "pt"),
    ("portoghese", "pt"),
    ("allemand", "de"),
    ("alemán", "de"),
    ("alemão", "de"),
    ("tedesco", "de"),
    ("arabe", "ar"),
    ("árabe", "ar"),
    ("arabisch", "ar"),
    ("swahili", "sw"),
];

/// Languages named in themselves, as a list typed by their speakers (or
/// Zotero's free-text Language field) writes them (tester r93 F10:
/// "Português", "Español", "Polski" were not stored), with the code their
/// English name gives. Matched in any case, with or without diacritics
/// ([`folded`]): "portugues", "ESPAÑOL", "Yoruba".
const ENDONYMS: &[(&str, &str)] = &[
    ("português", "pt"),
    ("português brasileiro", "pt-BR"),
    ("português do brasil", "pt-BR"),
    ("português europeu", "pt-PT"),
    ("español", "es"),
    ("castellano", "es"),
    ("català", "ca"),
    ("galego", "gl"),
    ("euskara", "eu"),
    ("français", "fr"),
    ("italiano", "it"),
    ("deutsch", "de"),
    ("nederlands", "nl"),
    ("vlaams", "nl"),
    ("svenska", "sv"),
    ("norsk", "no"),
    ("norsk bokmål", "nb"),
    ("bokmål", "nb"),
    ("nynorsk", "nn"),
    ("dansk", "da"),
    ("suomi", "fi"),
    ("íslenska", "is"),
    ("polski", "pl"),
    ("čeština", "cs"),
    ("česky", "cs"),
    ("slovenčina", "sk"),
    ("slovenščina", "sl"),
    ("hrvatski", "hr"),
    ("srpski", "sr"),
    ("српски", "sr"),
    ("magyar", "hu"),
    ("română", "ro"),
    ("български", "bg"),
    ("українська", "uk"),
    ("русский", "ru"),
    ("русский язык", "ru"),
    ("ελληνικά", "el"),
    ("türkçe", "tr"),
    ("tiếng việt", "vi"),
    ("bahasa indonesia", "id"),
    ("bahasa melayu", "ms"),
    ("bahasa malaysia", "ms"),
    ("wikang tagalog", "tl"),
    ("yorùbá", "yo"),
    ("èdè yorùbá", "yo"),
    ("igbo", "ig"),
    ("asụsụ igbo", "ig"),
    ("hausa", "ha"),
    ("harshen hausa", "ha"),
    ("kiswahili", "sw"),
    ("isizulu", "zu"),
    ("isixhosa", "xh"),
    ("afrikaans", "af"),
    ("sesotho", "st"),
    ("setswana", "tn"),
    ("chichewa", "ny"),
    ("kinyarwanda", "rw"),
    ("luganda", "lg"),
    ("af-soomaali", "so"),
    ("soomaali", "so"),
    ("አማርኛ", "am"),
    ("te reo māori", "mi"),
    ("reo māori", "mi"),
    ("gagana samoa", "sm"),
    ("vosa vakaviti", "fj"),
    ("kreyòl ayisyen", "ht"),
    ("runa simi", "qu"),
    ("avañe'ẽ", "gn"),
    ("العربية", "ar"),
    ("عربي", "ar"),
    ("فارسی", "fa"),
    ("اردو", "ur"),
    ("עברית", "he"),
    ("हिन्दी", "hi"),
    ("हिंदी", "hi"),
    ("বাংলা", "bn"),
    ("தமிழ்", "ta"),
    ("తెలుగు", "te"),
    ("मराठी", "mr"),
    ("ਪੰਜਾਬੀ", "pa"),
    ("ગુજરાતી", "gu"),
    ("ಕನ್ನಡ", "kn"),
    ("മലയാളം", "ml"),
    ("සිංහල", "si"),
    ("नेपाली", "ne"),
    ("ไทย", "th"),
    ("ภาษาไทย", "th"),
    ("中文", "zh"),
    ("汉语", "zh"),
    ("漢語", "zh"),
    ("普通话", "zh"),
    ("简体中文", "zh-Hans"),
    ("繁體中文", "zh-Hant"),
    ("日本語", "ja"),
    ("한국어", "ko"),
    ("조선말", "ko"),
    // (tester94 F3: a global-health list's languages in their own names.)
    ("gaeilge", "ga"),
    ("cymraeg", "cy"),
    ("shqip", "sq"),
    ("gjuha shqipe", "sq"),
    ("dholuo", "luo"),
    ("eʋegbe", "ee"),
    ("evegbe", "ee"),
    ("fulfulde", "ff"),
    ("pulaar", "ff"),
    ("pular", "ff"),
    ("asante twi", "tw"),
    ("ikinyarwanda", "rw"),
    ("ikirundi", "rn"),
    ("kirundi", "rn"),
    ("oluganda", "lg"),
    ("chinyanja", "ny"),
    ("nyanja", "ny"),
    ("chicheŵa", "ny"),
    ("sesotho sa leboa", "nso"),
    ("sepedi", "nso"),
    ("ትግርኛ", "ti"),
    ("oromoo", "om"),
    ("afaan oromo", "om"),
    ("malagasy", "mg"),
    ("runasimi", "qu"),
    ("aymar aru", "ay"),
    ("avañeʼẽ", "gn"),
    ("nāhuatl", "nah"),
    ("nahuatlahtolli", "nah"),
    ("chishona", "sn"),
    ("siswati", "ss"),
    ("xitsonga", "ts"),
    ("tshivenḓa", "ve"),
    ("bamanankan", "bm"),
    ("kikongo", "kg"),
    ("gĩkũyũ", "ki"),
    ("wolof", "wo"),
    ("lingála", "ln"),
    ("पाषा नेपाल", "ne"),
    ("नेपाली भाषा", "ne"),
    ("پښتو", "ps"),
    ("kurdî", "ku"),
    ("کوردی", "ku"),
    ("دری", "prs"),
    ("سنڌي", "sd"),
    ("ئۇيغۇرچە", "ug"),
    ("ខ្មែរ", "km"),
    ("ភាសាខ្មែរ", "km"),
    ("ລາວ", "lo"),
    ("ພາສາລາວ", "lo"),
    ("မြန်မာ", "my"),
    ("မြန်မာဘာသာ", "my"),
    ("монгол", "mn"),
    ("монгол хэл", "mn"),
    ("қазақ", "kk"),
    ("қазақ тілі", "kk"),
    ("кыргызча", "ky"),
    ("тоҷикӣ", "tg"),
    ("türkmençe", "tk"),
    ("azərbaycan dili", "az"),
    ("azərbaycanca", "az"),
    ("oʻzbek", "uz"),
    ("o'zbek", "uz"),
    ("oʻzbekcha", "uz"),
    ("o'zbekcha", "uz"),
    ("ўзбек", "uz"),
    ("ქართული", "ka"),
    ("հայերեն", "hy"),
    ("беларуская", "be"),
    ("македонски", "mk"),
    ("bosanski", "bs"),
    ("eesti", "et"),
    ("eesti keel", "et"),
    ("latviešu", "lv"),
    ("latviešu valoda", "lv"),
    ("lietuvių", "lt"),
    ("lietuvių kalba", "lt"),
    ("malti", "mt"),
    ("føroyskt", "fo"),
    ("lëtzebuergesch", "lb"),
    ("frysk", "fy"),
    ("brezhoneg", "br"),
    ("kalaallisut", "kl"),
    ("ייִדיש", "yi"),
    ("ଓଡ଼ିଆ", "or"),
    ("অসমীয়া", "as"),
    ("བོད་ཡིག", "bo"),
    ("རྫོང་ཁ", "dz"),
    ("basa jawa", "jv"),
    ("basa sunda", "su"),
    ("tetun", "tet"),
    ("ʻōlelo hawaiʻi", "haw"),
];

/// A language's name in English with its region in brackets, as Zotero
/// and library catalogues write a variety ("Portuguese (Brazil)",
/// "English (United Kingdom)", "Español (México)"): the language's code
/// with the region's subtag. `None` when the text is no such name or the
/// region is not one of these.
fn with_region(words: &str) -> Option<String> {
    let (lang, region) = words.strip_suffix(')')?.split_once('(')?;
    let region = folded(region.trim());
    const REGIONS: &[(&str, &str)] = &[
        ("brazil", "BR"),
        ("brasil", "BR"),
        ("portugal", "PT"),
        ("spain", "ES"),
        ("espana", "ES"),
        ("mexico", "MX"),
        ("argentina", "AR"),
        ("colombia", "CO"),
        ("chile", "CL"),
        ("peru", "PE"),
        ("latin america", "419"),
        ("america latina", "419"),
        ("latinoamerica", "419"),
        ("united kingdom", "GB"),
        ("uk", "GB"),
        ("great britain", "GB"),
        ("united states", "US"),
        ("us", "US"),
        ("usa", "US"),
        ("canada", "CA"),
        ("australia", "AU"),
        ("new zealand", "NZ"),
        ("ireland", "IE"),
        ("india", "IN"),
        ("south africa", "ZA"),
        ("nigeria", "NG"),
        ("kenya", "KE"),
        ("france", "FR"),
        ("belgium", "BE"),
        ("switzerland", "CH"),
        ("germany", "DE"),
        ("austria", "AT"),
        ("netherlands", "NL"),
        ("china", "CN"),
        ("taiwan", "TW"),
        ("hong kong", "HK"),
    ];
    // A script in brackets ("Chinese (Traditional)", "Serbian (Latin)"):
    // its BCP 47 script subtag (RFC 5646 §2.2.3; ISO 15924 codes); the
    // language's other name ("Persian (Farsi)"): the language (tester r101
    // F7: both were dropped).
    const SCRIPTS: &[(&str, &str)] = &[
        ("traditional", "Hant"),
        ("simplified", "Hans"),
        ("traditional chinese", "Hant"),
        ("simplified chinese", "Hans"),
        ("latin", "Latn"),
        ("cyrillic", "Cyrl"),
    ];
    let code = normalise(lang.trim()).ok()?;
    if code.contains('-') {
        return None;
    }
    if let Some((_, script)) = SCRIPTS.iter().find(|(n, _)| *n == region) {
        return Some(format!("{code}-{script}"));
    }
    if normalise(&region).ok().as_deref() == Some(code.as_str()) {
        return Some(code);
    }
    let (_, sub) = REGIONS.iter().find(|(n, _)| *n == region)?;
    Some(format!("{code}-{sub}"))
}

/// `s` lower case, its diacritics dropped and its spaces made one, for
/// matching a language's name however it is typed ("Português",
/// "portugues").
fn folded(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let lower: String =
        s.to_lowercase().nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Three-letter codes canon stores for languages outside ISO 639-1 that people name, with
/// their reference names (from the ISO 639-3 code table), so reports show a name.
const EXTRA: &[(&str, &str)] = &[
    ("yue", "Cantonese"),
    ("grc", "Ancient Greek"),
    ("fil", "Filipino"),
    ("kri", "Krio"),
    ("pcm", "Nigerian Pidgin"),
    ("haw", "Hawaiian"),
    ("nds", "Low German"),
    ("sco", "Scots"),
    ("ckb", "Central Kurdish"),
    ("arz", "Egyptian Arabic"),
    ("nah", "Nahuatl"),
    ("prs", "Dari"),
];

/// ISO 639 special codes: they name no one language (`und` undetermined, `zxx` no linguistic
/// content, `mul` several languages, `mis` uncoded), so reports never count them as one.
pub const SPECIAL: &[&str] = &["und", "zxx", "mul", "mis"];

/// Whether a stored code names a language (not one of [`SPECIAL`]).
pub fn is_language(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or(code).to_ascii_lowercase();
    !SPECIAL.contains(&primary.as_str())
}

/// What a language refused by [`normalise`] was expected to be.
const EXPECTED: &str = "expected an ISO 639 code such as fr, sw or yor, a tag such as pt-BR, or an English name \
                        such as French";

/// One language as written, made canonical: `Ok(code)`, or `Err` with what
/// was expected. Case and surrounding space are ignored. A code must be one
/// ISO 639 assigns (a three-letter code outside ISO 639-3, such as `xyz`, is
/// refused), and an English name must name one language (ISO 639-3 gives
/// some names, such as Bodo, to two; the error lists their codes).
pub fn normalise(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(format!("the language is empty; {EXPECTED}"));
    }
    let lower = t.to_lowercase();
    let words = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((c1, ..)) = LANGUAGES.iter().find(|(.., name)| name.eq_ignore_ascii_case(&words)) {
        return Ok((*c1).to_string());
    }
    if let Some((_, code)) = OTHER_NAMES.iter().find(|(n, _)| *n == words) {
        return Ok((*code).to_string());
    }
    // A name in the language itself, or an English name typed with or
    // without its diacritics ("Yorùbá", "Portugues").
    let bare = folded(&words);
    if let Some((_, code)) = ENDONYMS.iter().chain(OTHER_NAMES).chain(EXONYMS).find(|(n, _)| folded(n) == bare) {
        return Ok((*code).to_string());
    }
    if let Some((c1, ..)) = LANGUAGES.iter().find(|(.., name)| folded(name) == bare) {
        return Ok((*c1).to_string());
    }
    if let Some(tag) = with_region(&words) {
        return Ok(tag);
    }
    match code(t, &words) {
        Some(result) => result,
        None => by_iso_name(t, &words),
    }
}

/// `s` read as a code with optional subtags (en, eng, en-GB, en_GB, zh-Hant): `None` when
/// it does not have the shape of one (then it may be a name), else the tag or the refusal.
fn code(t: &str, lower: &str) -> Option<Result<String, String>> {
    let mut parts = lower.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    if !matches!(primary.len(), 2 | 3) || !primary.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // Mandarin (cmn) is what the name "Mandarin" gives: Chinese, zh.
    let primary = if primary == "cmn" { "zh" } else { primary };
    // Codes reserved for local use (qaa–qtz) name nothing another reader can look up.
    if primary.len() == 3 && ("qaa"..="qtz").contains(&primary) {
        return Some(Err(format!("{t:?} is an ISO 639 code reserved for local use; {EXPECTED}")));
    }
    let known = if primary.len() == 2 {
        LANGUAGES.iter().find(|(c1, ..)| *c1 == primary).map(|(c1, ..)| (*c1).to_string())
    } else {
        LANGUAGES
            .iter()
            .find(|(_, b, c3, _)| *b == primary || *c3 == primary)
            .map(|(c1, ..)| (*c1).to_string())
            .or_else(|| Language::from_639_3(primary).map(|l| l.to_639_1().unwrap_or_else(|| l.to_639_3()).to_string()))
    };
    let Some(mut tag) = known else {
        // Not a code; perhaps one of the short English names ISO 639-3 gives (Ewe, Ido, Bodo).
        if by_name().contains_key(lower) {
            return None;
        }
        return Some(Err(format!("{t:?} is not a language canon knows; {EXPECTED}")));
    };
    for sub in rest {
        let ok = !sub.is_empty() && sub.len() <= 8 && sub.chars().all(|c| c.is_ascii_alphanumeric());
        if !ok {
            return Some(Err(format!("{t:?} is not a language tag; {EXPECTED}")));
        }
        tag.push('-');
        match sub.len() {
            2 => tag.push_str(&sub.to_ascii_uppercase()),
            4 => {
                let mut cs = sub.chars();
                tag.extend(cs.next().map(|c| c.to_ascii_uppercase()));
                tag.extend(cs);
            }
            _ => tag.push_str(sub),
        }
    }
    Some(Ok(tag))
}

/// The languages of ISO 639-3 by their English reference name in lower case, built once.
fn by_name() -> &'static HashMap<String, Vec<Language>> {
    static MAP: OnceLock<HashMap<String, Vec<Language>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: HashMap<String, Vec<Language>> = HashMap::new();
        for l in Language::match_names(|_| true) {
            m.entry(l.to_name().to_lowercase()).or_default().push(l);
        }
        m
    })
}

/// A language by its ISO 639-3 English reference name (`Tok Pisin` → tpi), or the refusal.
fn by_iso_name(t: &str, words: &str) -> Result<String, String> {
    // A single letter is taken for a slip, not for the language ISO 639-3 names "E" (its code eee).
    let Some(found) = by_name().get(words).filter(|_| words.chars().count() > 1) else {
        return Err(format!("{t:?} is not a language canon knows; {EXPECTED}"));
    };
    // A macrolanguage and one of its members may share a name (Swahili): the one with a
    // two-letter code is the one people mean.
    let with_c1: Vec<Language> = found.iter().copied().filter(|l| l.to_639_1().is_some()).collect();
    match (found.as_slice(), with_c1.as_slice()) {
        ([one], _) | (_, [one]) => Ok(one.to_639_1().unwrap_or_else(|| one.to_639_3()).to_string()),
        _ => {
            let codes = found.iter().map(|l| l.to_639_3()).collect::<Vec<_>>().join(", ");
            Err(format!(
                "{t:?} is the name of {} languages in ISO 639-3 ({codes}); expected the code of the one meant",
                found.len()
            ))
        }
    }
}

/// The babel and polyglossia language names biblatex's `langid` and
/// `language` take (biblatex manual §2.2.3) that are no English name of a
/// language, with their BCP 47 tags: `american` en-US, `ngerman` de,
/// `brazil` pt-BR (tester r35 F6: "american" was refused). The names that
/// are English names (english, french, german…) need no entry.
const BABEL: &[(&str, &str)] = &[
    ("american", "en-US"),
    ("usenglish", "en-US"),
    ("british", "en-GB"),
    ("ukenglish", "en-GB"),
    ("australian", "en-AU"),
    ("canadian", "en-CA"),
    ("newzealand", "en-NZ"),
    ("ngerman", "de"),
    ("naustrian", "de-AT"),
    ("austrian", "de-AT"),
    ("swissgerman", "de-CH"),
    ("nswissgerman", "de-CH"),
    ("francais", "fr"),
    ("frenchb", "fr"),
    ("acadian", "fr-CA"),
    ("canadien", "fr-CA"),
    ("brazil", "pt-BR"),
    ("brazilian", "pt-BR"),
    ("portuges", "pt"),
    ("mexican", "es-MX"),
    ("spanishmx", "es-MX"),
    ("norsk", "nb"),
    ("bokmal", "nb"),
    ("nynorsk", "nn"),
    ("magyar", "hu"),
    ("bahasa", "id"),
    ("bahasai", "id"),
    ("indon", "id"),
    ("bahasam", "ms"),
    ("farsi", "fa"),
    ("polutonikogreek", "el"),
    ("slovene", "sl"),
    ("serbianc", "sr-Cyrl"),
    ("scottish", "gd"),
    ("irish", "ga"),
    ("samin", "se"),
    ("lowersorbian", "dsb"),
    ("uppersorbian", "hsb"),
    ("kurmanji", "kmr"),
];

/// A babel or polyglossia language name (`american`, `ngerman`,
/// `UKenglish`, `brazil`) as its BCP 47 tag; `None` for any other text.
pub fn babel(name: &str) -> Option<&'static str> {
    let n = name.trim().to_ascii_lowercase();
    BABEL.iter().find(|(b, _)| *b == n).map(|(_, tag)| *tag)
}

/// One or more languages (`English; French`, `en, fr`, `eng/fre`), each
/// made canonical, joined with `; ` in the order given, without repeats.
pub fn normalise_list(s: &str) -> Result<String, String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split([';', ',', '/', '|']).map(str::trim).filter(|p| !p.is_empty()) {
        for code in joined(part)? {
            if !out.contains(&code) {
                out.push(code);
            }
        }
    }
    if out.is_empty() {
        return normalise(s);
    }
    Ok(out.join("; "))
}

/// "And" between two languages' names, in the languages of the names
/// (not Dutch "en", which is English's code).
const AND_WORDS: &[&str] = &[
    "and", "&", "+", "et", "y", "e", "und", "i", "ve", "và", "na", "dan", "och", "og", "ja", "és", "și", "a", "и", "і",
    "та", "و", "和",
];

/// One part of a list, or languages joined by "and" ("English and French",
/// "English & French", "anglais et français"): each read, as "English;
/// French" is (tester94 F3: refused as "not a language canon knows", which
/// both are). A part that is one language's name is that language first
/// (so no name is cut at an "and" of its own); the refusal is the part's.
fn joined(part: &str) -> Result<Vec<String>, String> {
    let whole = match normalise(part) {
        Ok(code) => return Ok(vec![code]),
        Err(e) => e,
    };
    let words: Vec<&str> = part.split_whitespace().collect();
    let mut names: Vec<String> = vec![String::new()];
    for w in words {
        if AND_WORDS.contains(&w.to_lowercase().as_str()) {
            names.push(String::new());
        } else {
            if let Some(last) = names.last_mut() {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(w);
            }
        }
    }
    if names.len() < 2 || names.iter().any(String::is_empty) {
        return Err(whole);
    }
    names.iter().map(|n| normalise(n)).collect::<Result<Vec<_>, _>>().map_err(|_| whole)
}

/// The English name of a canonical code's language, for reports: `fr` →
/// French, `pt-BR` → Portuguese, `tpi` → Tok Pisin (the ISO 639-3 reference
/// name); a code ISO 639 does not assign stays as it is.
pub fn name(code: &str) -> String {
    let primary = code.split(['-', '_']).next().unwrap_or(code).to_ascii_lowercase();
    if let Some((_, n)) = EXTRA.iter().find(|(c, _)| *c == primary) {
        return (*n).to_string();
    }
    if let Some((.., n)) = LANGUAGES.iter().find(|(c1, b, c3, _)| *c1 == primary || *b == primary || *c3 == primary) {
        return (*n).to_string();
    }
    Language::from_639_3(&primary).map_or_else(|| code.to_string(), |l| l.to_name().to_string())
}

/// The languages of a stored list (`en; fr`), one by one.
pub fn split(stored: &str) -> impl Iterator<Item = &str> {
    stored.split(';').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_tags_become_one_code() {
        for (input, want) in [
            ("fr", "fr"),
            ("FR", "fr"),
            ("fre", "fr"),
            ("fra", "fr"),
            ("French", "fr"),
            (" french ", "fr"),
            ("eng", "en"),
            ("en-gb", "en-GB"),
            ("en_US", "en-US"),
            ("pt-BR", "pt-BR"),
            ("zh-hant", "zh-Hant"),
            ("chi", "zh"),
            ("ger", "de"),
            ("Swahili", "sw"),
            ("Kiswahili", "sw"),
            ("yor", "yo"),
            ("Yoruba", "yo"),
            ("kri", "kri"),
            ("Krio", "kri"),
            ("Farsi", "fa"),
            ("Modern Greek", "el"),
        ] {
            assert_eq!(normalise(input).as_deref(), Ok(want), "{input}");
        }
    }

    #[test]
    fn what_is_not_a_language_is_refused_with_what_was_expected() {
        for bad in ["", "xx", "Englsh", "e", "english language", "en-", "12", "fr-!!"] {
            let e = normalise(bad).unwrap_err();
            assert!(e.contains("expected an ISO 639 code"), "{bad}: {e}");
        }
    }

    #[test]
    fn lists_keep_order_and_drop_repeats() {
        assert_eq!(normalise_list("English; French").as_deref(), Ok("en; fr"));
        assert_eq!(normalise_list("eng/fre, en").as_deref(), Ok("en; fr"));
        assert!(normalise_list("en; nonsense").is_err());
        assert_eq!(split("en; fr").collect::<Vec<_>>(), ["en", "fr"]);
    }

    #[test]
    fn common_names_and_codes_agree() {
        for (input, want) in [
            ("Punjabi", "pa"),
            ("Bangla", "bn"),
            ("Māori", "mi"),
            ("Mandarin", "zh"),
            ("cmn", "zh"),
            ("cmn-Hans", "zh-Hans"),
            ("Ancient Greek", "grc"),
        ] {
            assert_eq!(normalise(input).as_deref(), Ok(want), "{input}");
        }
        assert!(normalise("qaa").is_err(), "local-use codes name nothing");
        assert_eq!(name("yue"), "Cantonese");
        assert_eq!(name("grc"), "Ancient Greek");
        assert!(!is_language("und") && !is_language("zxx") && !is_language("mul") && is_language("fr"));
    }

    #[test]
    fn names_for_reports() {
        assert_eq!(name("fr"), "French");
        assert_eq!(name("pt-BR"), "Portuguese");
        assert_eq!(name("yor"), "Yoruba");
        assert_eq!(name("kri"), "Krio");
        assert_eq!(name("tpi"), "Tok Pisin", "every ISO 639-3 code has its reference name");
        assert_eq!(name("xyz"), "xyz", "a code ISO 639 does not assign is shown as it is");
        assert_eq!(LANGUAGES.len(), 184);
    }

    #[test]
    fn three_letter_codes_outside_iso_639_3_are_refused() {
        for bad in ["xyz", "zzz", "XYZ", "xyz-GB", "zzz_de", "qtz"] {
            let e = normalise(bad).unwrap_err();
            assert!(e.contains(bad) && e.contains("expected an ISO 639 code"), "{bad}: {e}");
        }
        assert!(normalise_list("en; zzz").is_err());
        for (input, want) in [
            ("tpi", "tpi"),
            ("TPI", "tpi"),
            ("Tok Pisin", "tpi"),
            ("tok  pisin", "tpi"),
            ("hyw", "hyw"),
            ("Western Armenian", "hyw"),
            ("swh", "swh"),
            ("ase-US", "ase-US"),
            ("Nigerian Pidgin", "pcm"),
            ("zul", "zu"),
        ] {
            assert_eq!(normalise(input).as_deref(), Ok(want), "{input}");
        }
    }

    #[test]
    fn a_name_iso_gives_to_two_languages_asks_for_the_code() {
        let e = normalise("Bodo").unwrap_err();
        assert!(e.contains("boy") && e.contains("brx") && e.contains("expected the code"), "{e}");
        assert_eq!(normalise("brx").as_deref(), Ok("brx"));
    }

    #[test]
    fn every_iso_639_3_code_is_accepted_and_named() {
        let mut n = 0;
        for l in Language::match_names(|_| true) {
            let c3 = l.to_639_3();
            if ("qaa"..="qtz").contains(&c3) {
                continue;
            }
            let code = normalise(c3).unwrap_or_else(|e| panic!("{c3}: {e}"));
            let shown = name(&code);
            assert!(!shown.is_empty() && shown != code, "{c3} → {code} has no name");
            n += 1;
        }
        assert!(n > 7_800, "the full ISO 639-3 table: {n}");
    }
}
