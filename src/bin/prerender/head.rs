//! What a page says about itself to browsers, search engines, link previews and fact-check
//! aggregators: title and description, canonical and language alternates, Open Graph and
//! Twitter card tags, and each claim's verdict as schema.org `ClaimReview` JSON-LD; and the
//! same verdicts as open data, `claims.json`. A URL that must be absolute (hreflang,
//! canonical, `og:url`, a ClaimReview's `url`) is written only when the build knows the
//! public site URL; a relative one would be invalid, and none is better than that.

use essay::content::{ui, Claim, Lang, Source, Verdict, ESSAY};
use essay::text::html::Html;
use serde_json::{json, Value};

/// The public URL of the site's root, ending in `/`, if the build was given one.
pub struct SiteUrl(Option<String>);

impl SiteUrl {
    pub fn from_env() -> SiteUrl {
        let url = std::env::var("ESSAY_SITE_URL")
            .ok()
            .filter(|u| !u.is_empty());
        if let Some(url) = &url {
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "the site URL must be absolute: {url}"
            );
        }
        SiteUrl(url.map(|u| format!("{}/", u.trim_end_matches('/'))))
    }

    /// The absolute URL of a path below the site's root.
    pub fn of(&self, path: &str) -> Option<String> {
        self.0.as_ref().map(|root| format!("{root}{path}"))
    }
}

/// The page's absolute URL, and an anchor on it.
fn page_url(site: &SiteUrl, lang: Lang, anchor: Option<&str>) -> Option<String> {
    let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
    site.of(&format!("{}{anchor}", lang.path()))
}

/// The head's tags for one language's page.
pub fn tags(lang: Lang, site: &SiteUrl) -> String {
    let text = |t: ui::Text| Html::text(t.get(lang)).into_string();
    let (title, description) = (text(ui::TITLE), text(ui::DESCRIPTION));
    let mut tags = format!(
        "<title>{title}</title>\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <meta name=\"essay-root\" content=\"{root}\">\n\
         <meta property=\"og:type\" content=\"article\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:site_name\" content=\"{site_name}\">\n\
         <meta property=\"og:locale\" content=\"{locale}\">\n\
         <meta property=\"og:locale:alternate\" content=\"{other_locale}\">\n\
         <meta name=\"twitter:card\" content=\"summary\">\n\
         <meta name=\"twitter:title\" content=\"{title}\">\n\
         <meta name=\"twitter:description\" content=\"{description}\">\n",
        root = lang.root(),
        site_name = text(ui::SHORT_TITLE),
        locale = og_locale(lang),
        other_locale = og_locale(lang.other()),
    );
    if let (Some(own), Some(zh), Some(en)) = (
        page_url(site, lang, None),
        page_url(site, Lang::Zh, None),
        page_url(site, Lang::En, None),
    ) {
        tags += &format!(
            "<link rel=\"canonical\" href=\"{own}\">\n\
             <link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"{zh}\">\n\
             <link rel=\"alternate\" hreflang=\"en\" href=\"{en}\">\n\
             <link rel=\"alternate\" hreflang=\"x-default\" href=\"{zh}\">\n\
             <meta property=\"og:url\" content=\"{own}\">\n"
        );
    }
    // JSON in a script element: only "</" could end it early, so it is written "<\/".
    let reviews = claim_reviews(lang, site).to_string().replace("</", "<\\/");
    tags + &format!("<script type=\"application/ld+json\">{reviews}</script>\n")
}

fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh_CN",
        Lang::En => "en_US",
    }
}

/// A verdict on a scale of 1 (false) to 3 (true), the rating a ClaimReview carries beside its
/// words (`alternateName`), which are the page's own.
fn rating(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::False => 1,
        Verdict::Partly => 2,
        Verdict::True => 3,
    }
}

/// Every claim of this page's language as a schema.org ClaimReview: what the article claimed
/// (its author, its date, the article it appeared in), the verdict, and where on this page
/// the claim is checked.
fn claim_reviews(lang: Lang, site: &SiteUrl) -> Value {
    let article = source("article");
    let appearance = json!({
        "@type": "CreativeWork",
        "name": article.title,
        "alternateName": article.title_en,
        "datePublished": article.date,
        "author": { "@type": "Person", "name": ui::ARTICLE_AUTHOR.get(lang) },
    });
    let reviewer = json!({ "@type": "Organization", "name": ui::SHORT_TITLE.get(lang) });
    let reviews: Vec<Value> = ESSAY
        .claims()
        .iter()
        .map(|claim| {
            let mut review = json!({
                "@type": "ClaimReview",
                "claimReviewed": claim.claim.get(lang),
                "reviewBody": claim.correction.get(lang),
                "inLanguage": lang.tag(),
                "author": reviewer,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": rating(claim.verdict),
                    "bestRating": 3,
                    "worstRating": 1,
                    "alternateName": claim.verdict.label().get(lang),
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "author": appearance["author"],
                    "datePublished": article.date,
                    "appearance": appearance,
                },
            });
            if let Some(url) = page_url(site, lang, Some(&anchor(claim))) {
                review["url"] = json!(url);
            }
            review
        })
        .collect();
    json!({ "@context": "https://schema.org", "@graph": reviews })
}

fn source(id: &str) -> &'static Source {
    let found = ESSAY.sources().iter().find(|s| s.id == id);
    found.unwrap_or_else(|| panic!("no source {id}"))
}

fn anchor(claim: &Claim) -> String {
    format!("claim-{}", claim.id)
}

/// The verdicts as open data: every claim in both languages, its verdict, what the record
/// shows, its sources, and where each page checks it.
pub fn claims_json(site: &SiteUrl) -> String {
    let both = |zh: &str, en: &str| json!({ "zh-Hans": zh, "en": en });
    let claims: Vec<Value> = ESSAY
        .claims()
        .iter()
        .map(|claim| {
            let sources: Vec<Value> = claim
                .sources
                .iter()
                .map(|id| {
                    let s = source(id);
                    json!({ "id": s.id, "title": s.title, "publisher": s.publisher,
                            "date": s.date, "url": s.url })
                })
                .collect();
            let checked = |lang: Lang| {
                let path = format!("{}#{}", lang.path(), anchor(claim));
                site.of(&path).unwrap_or(format!("./{path}"))
            };
            json!({
                "id": claim.id,
                "verdict": claim.verdict.name(),
                "verdictLabel": both(claim.verdict.label().zh, claim.verdict.label().en),
                "rating": { "value": rating(claim.verdict), "best": 3, "worst": 1 },
                "claim": both(claim.claim.zh, claim.claim.en),
                "correction": both(claim.correction.zh, claim.correction.en),
                "sources": sources,
                "checkedAt": both(&checked(Lang::Zh), &checked(Lang::En)),
            })
        })
        .collect();
    let article = source("article");
    let data = json!({
        "about": both(ui::TITLE.zh, ui::TITLE.en),
        "article": { "title": article.title, "titleEn": article.title_en,
                     "publisher": article.publisher, "date": article.date },
        "ratingScale": Verdict::ALL.map(|v| format!("{} = {}", rating(v), v.label().en)).join(", "),
        "claims": claims,
    });
    serde_json::to_string_pretty(&data).expect("JSON") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(url: Option<&str>) -> SiteUrl {
        SiteUrl(url.map(str::to_owned))
    }

    #[test]
    fn with_the_site_url_every_link_that_must_be_absolute_is() {
        // A public URL as a build might be given one (never fetched: these are the page's own
        // addresses once published).
        let root = format!("https://{}/essay/", "example.org");
        let site = site(Some(&root));
        let en = tags(Lang::En, &site);
        for tag in [
            format!(r#"<link rel="canonical" href="{root}en/">"#),
            format!(r#"<link rel="alternate" hreflang="zh-Hans" href="{root}">"#),
            format!(r#"<link rel="alternate" hreflang="en" href="{root}en/">"#),
            format!(r#"<link rel="alternate" hreflang="x-default" href="{root}">"#),
            format!(r#"<meta property="og:url" content="{root}en/">"#),
            format!(r#""url":"{root}en/#claim-openstack-2010""#),
        ] {
            assert!(en.contains(&tag), "missing {tag}");
        }
        let data: Value = serde_json::from_str(&claims_json(&site)).unwrap();
        assert_eq!(
            data["claims"][0]["checkedAt"]["zh-Hans"],
            format!("{root}#claim-openstack-2010")
        );
    }

    #[test]
    fn without_it_none_is_written_relative() {
        let zh = tags(Lang::Zh, &site(None));
        for absent in ["canonical", "hreflang", "og:url", "\"url\""] {
            assert!(!zh.contains(absent), "{absent} written without a site URL");
        }
    }

    #[test]
    fn json_in_the_head_cannot_end_its_script_early() {
        let zh = tags(Lang::Zh, &site(None));
        let script = zh
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .unwrap();
        let json = script.split("</script>").next().unwrap();
        assert!(!json.contains("</"));
        let graph: Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            graph["@graph"].as_array().unwrap().len(),
            ESSAY.claims().len()
        );
    }
}
