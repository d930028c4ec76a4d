//! Sanitised HTML rendered from a record's markdown. Only `parse/html.rs` makes one, so a
//! value of this type has always been through the sanitiser.

/// HTML rendered from markdown and sanitised: safe to put in a page as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    /// Wraps HTML that has just been sanitised; called only from `parse/html.rs`.
    pub(crate) fn from_sanitised(html: String) -> Html {
        Html(html)
    }

    /// The HTML text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same HTML with each `href="FROM"` of `links` replaced by `href="TO"`, for pointing
    /// links between records at their pages. Both sides are attribute values as written in the
    /// HTML; the replacement never adds markup, so the result stays sanitised.
    #[must_use]
    pub fn with_hrefs(&self, links: &[(String, String)]) -> Html {
        let mut out = self.0.clone();
        for (from, to) in links {
            if to.contains(['"', '<', '>']) {
                continue;
            }
            out = out.replace(&format!("href=\"{from}\""), &format!("href=\"{to}\""));
        }
        Html(out)
    }
}
