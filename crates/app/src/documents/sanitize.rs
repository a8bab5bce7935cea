//! What a rendered template may contain: markup that lays out a document and nothing that
//! fetches, navigates or runs. A template is written by people (administrators, managers) and
//! its output can be spliced from merged text, so the whole output is cleaned, not the template:
//! `<meta http-equiv="refresh">`, `<base>`, `<link>`, `<iframe>`, `<object>`, `<embed>`,
//! `<script>`, `<video>`, `<audio>`, SVG and forms are dropped, and images keep only inline
//! `data:` pictures. Style sheets stay (documents need them); what they could fetch is refused
//! by the page's policy (see `render::page`) and by the printing browser's lack of a network
//! (see `pdf`).

use std::sync::OnceLock;

use ammonia::{Builder, UrlRelative};

/// Tags a document may use besides ammonia's defaults (which are text, tables, lists, images
/// and links).
const EXTRA_TAGS: [&str; 3] = ["style", "section", "article"];
/// Attributes any tag may carry.
const ATTRIBUTES: [&str; 11] = [
    "class", "style", "id", "align", "valign", "width", "height", "colspan", "rowspan", "dir",
    "lang",
];

fn cleaner() -> &'static Builder<'static> {
    static CLEANER: OnceLock<Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = Builder::default();
        b.rm_clean_content_tags(["style"])
            .add_tags(EXTRA_TAGS)
            .add_generic_attributes(ATTRIBUTES)
            .url_schemes(["data", "mailto", "tel", "http", "https"].into())
            .url_relative(UrlRelative::Deny)
            .attribute_filter(|element, attribute, value| {
                // Links only point; anything a page would load must be inline.
                let loads = attribute == "src" || (attribute == "href" && element != "a");
                if loads
                    && !value
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("data:image/")
                {
                    None
                } else {
                    Some(value.into())
                }
            });
        b
    })
}

/// `html` with everything that could fetch, navigate or run taken out.
pub(super) fn clean(html: &str) -> String {
    cleaner().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn layout_and_styles_stay() {
        let html = "<style>td { color: red; }</style><table><tr><td class=\"n\" style=\"width:4em\">1</td></tr></table>";
        let out = clean(html);
        assert!(out.contains("<style>td { color: red; }</style>"), "{out}");
        assert!(out.contains("class=\"n\""), "{out}");
        assert!(out.contains("style=\"width:4em\""), "{out}");
    }

    #[test]
    fn nothing_that_fetches_or_navigates_survives() {
        for bad in [
            "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:9/x\">",
            "<iframe src=\"http://127.0.0.1:9/x\"></iframe>",
            "<object data=\"http://127.0.0.1:9/x\"></object>",
            "<embed src=\"http://127.0.0.1:9/x\">",
            "<img src=\"http://127.0.0.1:9/x\">",
            "<img src=\"file:///etc/passwd\">",
            "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/x\">",
            "<link rel=\"prefetch\" href=\"http://127.0.0.1:9/x\">",
            "<svg><image href=\"http://127.0.0.1:9/x\"/></svg>",
            "<video src=\"http://127.0.0.1:9/x\"></video>",
            "<video><source src=\"http://127.0.0.1:9/x\"></video>",
            "<base href=\"http://127.0.0.1:9/\">",
            "<script>location='http://127.0.0.1:9/x'</script>",
            "<form action=\"http://127.0.0.1:9/x\"><button>go</button></form>",
            "<p onclick=\"fetch('http://127.0.0.1:9/x')\">a</p>",
        ] {
            let out = clean(bad);
            assert!(!out.contains("127.0.0.1"), "{bad} became {out}");
            assert!(!out.contains("file:"), "{bad} became {out}");
        }
    }

    #[test]
    fn inline_pictures_stay() {
        let out = clean("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"logo\">");
        assert!(out.contains("data:image/png"), "{out}");
    }
}
