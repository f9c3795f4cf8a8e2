//! What a static host reads beside the pages: the content-security policy (sent as a header
//! where the host can, `_headers` for Netlify and Cloudflare Pages, and written into every page,
//! narrowed to that page's inline elements, for hosts that cannot, such as GitHub Pages), the
//! other headers, and a 404 page.

use super::head::SiteUrl;
use base64::Engine;
use essay::content::{ui, Lang};
use essay::text::html::Html;
use sha2::{Digest, Sha256};

/// The site's policy: scripts and styles from its own files only, plus the inline
/// scripts the build itself wrote, each allowed by its SHA-256 (nothing else inline runs);
/// Wasm may be compiled (`wasm-unsafe-eval`), JavaScript may not be (`eval` stays refused).
pub struct Policy {
    inline_scripts: Vec<String>,
    inline_styles: Vec<String>,
}

impl Policy {
    /// The policy for these pages: the hash of every inline script and style element they
    /// carry. (JSON-LD is data, not script: a policy does not apply to it.) No page may carry
    /// a `style` attribute: a hash cannot allow one without `unsafe-hashes`.
    pub fn of<'a>(pages: impl Iterator<Item = &'a str> + Clone) -> Policy {
        for page in pages.clone() {
            assert!(
                !page.contains(" style=\""),
                "a page carries a style attribute"
            );
        }
        Policy {
            inline_scripts: hashes(pages.clone(), "script"),
            inline_styles: hashes(pages, "style"),
        }
    }

    /// The directives a `<meta>` can carry (it cannot carry `frame-ancestors`).
    fn directives(&self) -> String {
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; \
             img-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; \
             base-uri 'self'; form-action 'none'",
            self.inline_scripts.concat(),
            self.inline_styles.concat(),
        )
    }

    /// The header: the same, and no page may frame this one.
    fn header(&self) -> String {
        format!("{}; frame-ancestors 'none'", self.directives())
    }

    /// The page with its policy as its head's first element after the charset, before any
    /// script it governs: the site's, allowing only this page's own inline elements (a host
    /// that also sends the header enforces both, so the page gets the narrower).
    pub fn in_meta(page: &str) -> String {
        const CHARSET: &str = "<meta charset=\"utf-8\">";
        assert!(page.contains(CHARSET), "a page without its charset");
        let meta = format!(
            "{CHARSET}\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            Policy::of(std::iter::once(page)).directives()
        );
        page.replacen(CHARSET, &meta, 1)
    }
}

/// The `'sha256-…'` source of each distinct inline element named `tag` (executable ones: a
/// script with a `src` or of type JSON-LD is not inline code).
fn hashes<'a>(pages: impl Iterator<Item = &'a str>, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut sources = Vec::new();
    for page in pages {
        let mut rest = page;
        while let Some(at) = rest.find(&open) {
            let open_end = at + rest[at..].find('>').expect("a closed tag");
            let end = open_end + rest[open_end..].find(&close).expect("a closed element");
            let attributes = &rest[at..open_end];
            if !attributes.contains(" src=") && !attributes.contains("application/ld+json") {
                let hash = Sha256::digest(&rest.as_bytes()[open_end + 1..end]);
                let engine = base64::engine::general_purpose::STANDARD;
                let source = format!(" 'sha256-{}'", engine.encode(hash));
                if !sources.contains(&source) {
                    sources.push(source);
                }
            }
            rest = &rest[end..];
        }
    }
    sources
}

/// Headers for Netlify and Cloudflare Pages, which read `_headers` at the root of the
/// published folder. Files whose names carry a hash of their content never change, so they
/// are cached for a year; everything else is revalidated on every visit.
pub fn headers(policy: &Policy) -> String {
    const FOR_EVER: &str = "public, max-age=31536000, immutable";
    const REVALIDATE: &str = "no-cache";
    let mut out = format!(
        "# Written by the prerender (src/bin/prerender/host.rs); every page also carries the\n\
         # policy, narrowed to its own inline elements, in a <meta>, for hosts that cannot send\n\
         # headers.\n\
         /*\n  Content-Security-Policy: {}\n  X-Content-Type-Options: nosniff\n  \
         Referrer-Policy: strict-origin-when-cross-origin\n  Permissions-Policy: {}\n",
        policy.header(),
        PERMISSIONS.join(", ")
    );
    for path in ["/essay-*", "/favicon-*", "/snippets/*"] {
        out += &format!("\n{path}\n  Cache-Control: {FOR_EVER}\n");
    }
    for path in [
        "/",
        "/index.html",
        "/en/*",
        "/404.html",
        "/modules/*",
        "/islands.js",
        "/steps.js",
        "/reading.js",
        "/claims.json",
    ] {
        out += &format!("\n{path}\n  Cache-Control: {REVALIDATE}\n");
    }
    out
}

/// What the essay never asks the browser for, denied to it and to anything it might embed.
/// (The clipboard is left alone: the headings' copy-link buttons write to it.)
/// Chromium warns of a feature it does not know ("Error with Permissions-Policy header"): the
/// browser tests serve these headers and fail on that warning, which keeps the list to names it
/// knows (`bluetooth`, for one, is not among them).
const PERMISSIONS: &[&str] = &[
    "accelerometer=()",
    "browsing-topics=()",
    "camera=()",
    "display-capture=()",
    "fullscreen=()",
    "geolocation=()",
    "gyroscope=()",
    "hid=()",
    "idle-detection=()",
    "local-fonts=()",
    "magnetometer=()",
    "microphone=()",
    "midi=()",
    "payment=()",
    "publickey-credentials-get=()",
    "screen-wake-lock=()",
    "serial=()",
    "usb=()",
    "xr-spatial-tracking=()",
];

/// The page a host serves for a path it does not have, at any depth: in both languages, its
/// few styles in its own stylesheet-free markup (the essay's stylesheet's URL is relative to
/// the root, which a 404 at an unknown depth does not know), and links home that are absolute
/// when the build knows the site's URL, and root-relative otherwise.
const NOT_FOUND_STYLE: &str = "body{margin:0 auto;max-width:36rem;padding:2rem 1.25rem;\
font:1.0625rem/1.7 system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC',sans-serif;\
color-scheme:light dark}h1{font-size:1.5rem;line-height:1.3}section+section{margin-top:2.5rem}";

pub fn not_found(site: &SiteUrl) -> String {
    let home = |lang: Lang| site.of(lang.path()).unwrap_or(format!("/{}", lang.path()));
    let part = |lang: Lang| {
        let text = |t: ui::Text| Html::text(t.get(lang)).into_string();
        format!(
            "<section lang=\"{tag}\"><h1>{heading}</h1><p>{body}</p>\
             <p><a href=\"{home}\">{link}</a></p></section>",
            tag = lang.tag(),
            heading = text(ui::NOT_FOUND_HEADING),
            body = text(ui::NOT_FOUND_BODY),
            home = home(lang),
            link = text(ui::TITLE),
        )
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{title}</title>\n<style>{NOT_FOUND_STYLE}</style>\n</head>\n<body>\n<main>{zh}{en}</main>\n</body>\n</html>\n",
        title = Html::text(&format!(
            "{} · {}",
            ui::NOT_FOUND_HEADING.zh,
            ui::NOT_FOUND_HEADING.en
        ))
        .into_string(),
        zh = part(Lang::Zh),
        en = part(Lang::En),
    )
}
