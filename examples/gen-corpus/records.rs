//! Synthetic decision records for benchmarks: deterministic for a seed, in the DR, Nygard and
//! MADR 4 styles, with hosting platforms, criteria tables, cost bullets, supersede chains,
//! related links, mermaid and code blocks, and a few long (~30 KB) records.

use std::fmt::Write as _;

/// A small deterministic generator (splitmix64): the same seed gives the same records on
/// every platform and Rust version.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of `items`.
    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The record styles generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Hosting decision records: bold metadata, options with costs, a weighted criteria table.
    Dr,
    /// adr-tools / Michael Nygard: Status, Context, Decision, Consequences.
    Nygard,
    /// MADR 4: YAML front matter, considered options, pros and cons.
    Madr,
}

impl Style {
    /// Every style, for benches that parse one record of each.
    pub(crate) const ALL: [Style; 3] = [Style::Dr, Style::Nygard, Style::Madr];

    /// A short name for bench ids.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Style::Dr => "dr",
            Style::Nygard => "nygard",
            Style::Madr => "madr4",
        }
    }
}

const WORDS: &[&str] = &[
    "service",
    "latency",
    "budget",
    "team",
    "deploy",
    "region",
    "queue",
    "worker",
    "cache",
    "schema",
    "migration",
    "request",
    "traffic",
    "release",
    "rollback",
    "incident",
    "metric",
    "alert",
    "backup",
    "replica",
    "failover",
    "quota",
    "tenant",
    "cluster",
    "container",
    "image",
    "pipeline",
    "secret",
    "token",
    "session",
    "partner",
    "booking",
    "report",
    "import",
    "export",
    "index",
    "search",
    "storage",
    "bucket",
    "invoice",
    "customer",
    "dashboard",
    "runbook",
    "on-call",
    "capacity",
    "throughput",
    "outage",
    "contract",
    "vendor",
    "license",
    "audit",
    "the",
    "a",
    "our",
    "every",
    "each",
    "most",
    "some",
    "no",
    "this",
    "that",
    "with",
    "without",
    "before",
    "after",
    "during",
    "because",
    "while",
    "when",
    "so",
    "and",
    "or",
    "but",
    "keeps",
    "needs",
    "costs",
    "moves",
    "runs",
    "reads",
    "writes",
    "checks",
    "serves",
    "blocks",
    "grows",
    "fails",
    "recovers",
    "scales",
    "stays",
    "predictable",
    "slow",
    "fast",
    "cheap",
    "expensive",
    "managed",
    "manual",
    "nightly",
    "weekly",
    "shared",
    "private",
    "public",
    "small",
    "large",
];

const PLATFORMS: &[&str] = &[
    "Render",
    "Railway",
    "Fly.io",
    "Heroku",
    "AWS ECS",
    "Google Cloud Run",
    "Azure Container Apps",
    "DigitalOcean App Platform",
    "Hetzner Cloud",
    "Vercel",
    "Netlify",
    "Cloudflare Workers",
    "Supabase",
    "Neon",
    "Amazon RDS",
    "Crunchy Bridge",
    "Upstash",
    "Redis Cloud",
    "Meilisearch",
    "Elastic Cloud",
    "Backblaze B2",
    "Amazon S3",
    "Sentry",
    "Honeybadger",
    "GitHub Actions",
    "GitLab CI",
    "Buildkite",
    "Kafka",
    "RabbitMQ",
    "NATS",
];

const TOPICS: &[&str] = &[
    "Backend Hosting",
    "Database Hosting",
    "Worker Hosting",
    "Frontend CDN",
    "Object Storage",
    "Error Tracking",
    "Search Hosting",
    "Message Queue",
    "Cache Layer",
    "CI Runners",
    "Feature Flags",
    "Log Shipping",
    "Secrets Management",
    "Email Delivery",
    "Scheduled Jobs",
];

const CRITERIA: &[&str] = &[
    "Predictable monthly cost",
    "Zero-downtime deploys",
    "Background worker support",
    "Team familiarity",
    "Multi-region",
    "Configuration in the repository",
    "Vendor lock-in",
    "Backup and restore",
    "Observability",
    "Support response time",
    "Low-cost MVP",
    "Compliance reports",
];

const WEIGHTS: &[&str] = &["Critical", "High", "Medium", "Low"];
const RATINGS: &[&str] = &["✅ Yes", "⚠️ Partly", "❌ No", "✅ Native", "⚠️ Workaround"];
const TEAMS: &[&str] = &[
    "Platform team",
    "Payments team",
    "Search team",
    "Data team",
    "Web team",
];
const PEOPLE: &[&str] = &[
    "Ines Okafor",
    "Mateo Lindqvist",
    "Lena Brandt",
    "Kofi Mensah",
    "Aiko Tanaka",
    "Ravi Iyer",
];

/// One record's place in the corpus: its number, style, file name and relations.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// 1-based number.
    pub(crate) number: usize,
    /// Its style.
    pub(crate) style: Style,
    /// The title (without the id).
    pub(crate) title: String,
    /// The file name.
    pub(crate) file: String,
    /// The record this one supersedes, by index.
    pub(crate) supersedes: Option<usize>,
    /// The record that supersedes this one, by index.
    pub(crate) superseded_by: Option<usize>,
    /// Related earlier records, by index.
    pub(crate) related: Vec<usize>,
    /// Whether this is one of the few long records.
    pub(crate) long: bool,
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The plan of `n` records for `seed`: styles, titles, file names, supersede chains and links.
pub(crate) fn plan(n: usize, seed: u64) -> Vec<Plan> {
    let mut rng = Rng::new(seed);
    let mut plans: Vec<Plan> = Vec::with_capacity(n);
    for i in 0..n {
        let number = i + 1;
        let style = match rng.below(10) {
            0..=3 => Style::Dr,
            4..=6 => Style::Nygard,
            _ => Style::Madr,
        };
        let topic = rng.pick(TOPICS);
        let platform = rng.pick(PLATFORMS);
        let title = match rng.below(3) {
            0 => format!("{topic} on {platform}"),
            1 => format!("Use {platform} for {}", topic.to_lowercase()),
            _ => format!("{topic} for the {} system", rng.pick(WORDS)),
        };
        let file = match style {
            Style::Dr => format!("DR-{number:05}-{}.md", slug(&title)),
            Style::Nygard | Style::Madr => format!("{number:05}-{}.md", slug(&title)),
        };
        let mut supersedes = None;
        if i > 0 && rng.chance(8) {
            let back = rng.between(1, i.min(30));
            let j = i - back;
            if plans[j].superseded_by.is_none() {
                plans[j].superseded_by = Some(i);
                supersedes = Some(j);
            }
        }
        let related = (0..rng.between(0, 3))
            .filter(|_| i > 0)
            .map(|_| i - rng.between(1, i.min(200)))
            .collect();
        plans.push(Plan {
            number,
            style,
            title,
            file,
            supersedes,
            superseded_by: None,
            related,
            long: rng.chance(1),
        });
    }
    plans
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let len = rng.between(8, 18);
    for k in 0..len {
        let word = rng.pick(WORDS);
        if k == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            if rng.chance(4) {
                let _ = write!(out, "`{word}`");
            } else if rng.chance(3) {
                let _ = write!(out, "**{word}**");
            } else {
                out.push_str(word);
            }
        }
    }
    out.push('.');
}

/// A paragraph of 3–6 sentences, wrapped near 100 columns.
fn paragraph(rng: &mut Rng, out: &mut String) {
    let mut text = String::new();
    for k in 0..rng.between(3, 7) {
        if k > 0 {
            text.push(' ');
        }
        sentence(rng, &mut text);
    }
    let mut column = 0;
    for word in text.split(' ') {
        if column > 0 && column + word.len() > 98 {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out.push_str("\n\n");
}

fn paragraphs(rng: &mut Rng, out: &mut String, lo: usize, hi: usize) {
    for _ in 0..rng.between(lo, hi) {
        paragraph(rng, out);
    }
}

fn bullets(rng: &mut Rng, out: &mut String, marker: &str, prefix: &str, count: (usize, usize)) {
    for _ in 0..rng.between(count.0, count.1) {
        let _ = write!(out, "{marker} {prefix}");
        sentence(rng, out);
        out.push('\n');
    }
    out.push('\n');
}

fn link(plans: &[Plan], index: usize) -> String {
    let p = &plans[index];
    let id = match p.style {
        Style::Dr => format!("DR-{:05}", p.number),
        Style::Nygard | Style::Madr => format!("ADR-{:05}", p.number),
    };
    format!("[{id}: {}]({})", p.title, p.file)
}

fn date(number: usize) -> String {
    let day = number * 3;
    let year = 2015 + day / 336;
    let month = 1 + (day / 28) % 12;
    let dom = 1 + day % 28;
    format!("{year}-{month:02}-{dom:02}")
}

fn options(rng: &mut Rng) -> Vec<&'static str> {
    let mut picked: Vec<&str> = Vec::new();
    let want = rng.between(2, 4);
    while picked.len() < want {
        let p = rng.pick(PLATFORMS);
        if !picked.contains(&p) {
            picked.push(p);
        }
    }
    picked
}

fn code_block(rng: &mut Rng, out: &mut String) {
    if rng.chance(50) {
        out.push_str("```mermaid\ngraph LR\n");
        for k in 0..rng.between(3, 8) {
            let _ = writeln!(
                out,
                "  n{k}[{}] --> n{}[{}]",
                rng.pick(WORDS),
                k + 1,
                rng.pick(WORDS)
            );
        }
    } else {
        out.push_str("```yaml\nservices:\n");
        for _ in 0..rng.between(3, 8) {
            let _ = writeln!(
                out,
                "  - name: {}\n    plan: {}",
                rng.pick(WORDS),
                rng.pick(WORDS)
            );
        }
    }
    out.push_str("```\n\n");
}

fn long_appendix(rng: &mut Rng, out: &mut String) {
    for k in 1..=10 {
        let _ = writeln!(out, "## Appendix {k}\n");
        paragraphs(rng, out, 4, 6);
        code_block(rng, out);
    }
}

fn related(plans: &[Plan], plan: &Plan, out: &mut String) {
    if plan.related.is_empty() {
        return;
    }
    out.push_str("## Related\n\n");
    for &r in &plan.related {
        let _ = writeln!(out, "- Related to {}", link(plans, r));
    }
    out.push('\n');
}

fn dr(rng: &mut Rng, plans: &[Plan], index: usize, out: &mut String) {
    let plan = &plans[index];
    let status = match plan.superseded_by {
        Some(_) => "⛔ **Superseded**",
        None if rng.chance(15) => "🟡 **Proposed**",
        None => "✅ **Accepted**",
    };
    let _ = write!(
        out,
        "# DR-{n:05}: {t}\n\n**Decision ID:** DR-{n:05}\n**Status:** {status}\n**Date:** {d}\n\
         **Owner:** {o}\n",
        n = plan.number,
        t = plan.title,
        d = date(plan.number),
        o = rng.pick(TEAMS),
    );
    if let Some(by) = plan.superseded_by {
        let _ = writeln!(out, "**Superseded by:** {}", link(plans, by));
    }
    if let Some(old) = plan.supersedes {
        let _ = writeln!(out, "**Supersedes:** {}", link(plans, old));
    }
    out.push_str("\n---\n\n## Context\n\n");
    paragraphs(rng, out, 3, 5);
    out.push_str("The platform must:\n");
    bullets(rng, out, "-", "", (3, 5));
    let opts = options(rng);
    let chosen = opts[0];
    let _ = write!(
        out,
        "## Decision\n\n**Selected Platform:** **{chosen}**\n\n- **MVP:** {chosen} free tier, \
         $0/month (free tier)\n- **Production:**\n  - Primary service: ${a}/month\n  - Staging: \
         ${b}/month\n  - **Total:** ${t}/month\n\n",
        a = rng.between(5, 90),
        b = rng.between(5, 30),
        t = rng.between(10, 120),
    );
    out.push_str("## Options Considered\n\n");
    for (k, o) in opts.iter().enumerate() {
        let selected = if k == 0 { " (SELECTED)" } else { "" };
        let _ = writeln!(out, "### Option {}: {o}{selected}\n\n**Pros:**", k + 1);
        bullets(rng, out, "-", "✅ ", (2, 4));
        out.push_str("**Cons:**\n");
        bullets(rng, out, "-", "❌ ", (1, 3));
        let _ = write!(
            out,
            "**Cost Estimate:**\n- MVP: ${}/month\n- Production: ${}-{}/month\n\n",
            rng.between(0, 10),
            rng.between(10, 40),
            rng.between(41, 120)
        );
    }
    out.push_str("## Decision Criteria\n\n| Criterion | Weight |");
    for o in &opts {
        let _ = write!(out, " {o} |");
    }
    out.push_str("\n|---|---|");
    for _ in &opts {
        out.push_str("---|");
    }
    out.push('\n');
    for _ in 0..rng.between(4, 7) {
        let _ = write!(out, "| {} | {} |", rng.pick(CRITERIA), rng.pick(WEIGHTS));
        for _ in &opts {
            let _ = write!(out, " {} |", rng.pick(RATINGS));
        }
        out.push('\n');
    }
    let _ = write!(
        out,
        "\nWeights: Critical = 5, High = 3, Medium = 2, Low = 1. Ratings: ✅ = 1, ⚠️ = 0.5, ❌ = 0.\n\n\
         **Winner:** {chosen}\n\n## Analysis\n\n"
    );
    paragraphs(rng, out, 2, 4);
    if rng.chance(40) {
        code_block(rng, out);
    }
    out.push_str("## Consequences\n\n### Positive:\n");
    bullets(rng, out, "-", "✅ ", (2, 4));
    out.push_str("### Negative:\n");
    bullets(rng, out, "-", "⚠️ ", (1, 3));
    related(plans, plan, out);
}

fn nygard(rng: &mut Rng, plans: &[Plan], index: usize, out: &mut String) {
    let plan = &plans[index];
    let _ = write!(
        out,
        "# {}. {}\n\nDate: {}\n\n## Status\n\n",
        plan.number,
        plan.title,
        date(plan.number)
    );
    match plan.superseded_by {
        Some(by) => {
            let _ = writeln!(out, "Superseded\n\nSuperseded by {}\n", link(plans, by));
        }
        None if rng.chance(10) => out.push_str("Deprecated\n\n"),
        None => out.push_str("Accepted\n\n"),
    }
    if let Some(old) = plan.supersedes {
        let _ = writeln!(out, "Supersedes {}\n", link(plans, old));
    }
    out.push_str("## Context\n\n");
    paragraphs(rng, out, 4, 8);
    out.push_str("## Decision\n\n");
    let opts = options(rng);
    let _ = write!(out, "We will use **{}**. ", opts[0]);
    paragraphs(rng, out, 2, 4);
    if rng.chance(50) {
        code_block(rng, out);
    }
    out.push_str("## Consequences\n\n");
    paragraphs(rng, out, 2, 4);
    bullets(rng, out, "*", "", (2, 5));
    related(plans, plan, out);
}

fn madr(rng: &mut Rng, plans: &[Plan], index: usize, out: &mut String) {
    let plan = &plans[index];
    let status = match plan.superseded_by {
        Some(by) => format!("\"superseded by {}\"", plans[by].file),
        None if rng.chance(15) => "proposed".to_string(),
        None => "accepted".to_string(),
    };
    let _ = write!(
        out,
        "---\nstatus: {status}\ndate: {}\ndecision-makers: {}, {}\nconsulted: {}\n---\n\n# {}\n\n\
         ## Context and Problem Statement\n\n",
        date(plan.number),
        rng.pick(PEOPLE),
        rng.pick(PEOPLE),
        rng.pick(TEAMS),
        plan.title
    );
    paragraphs(rng, out, 3, 6);
    if let Some(old) = plan.supersedes {
        let _ = writeln!(out, "This decision supersedes {}.\n", link(plans, old));
    }
    out.push_str("## Decision Drivers\n\n");
    bullets(rng, out, "*", "", (2, 4));
    let opts = options(rng);
    out.push_str("## Considered Options\n\n");
    for o in &opts {
        let _ = writeln!(out, "* {o}");
    }
    let _ = write!(
        out,
        "\n## Decision Outcome\n\nChosen option: \"{}\", because ",
        opts[0]
    );
    paragraph(rng, out);
    out.push_str("### Consequences\n\n");
    bullets(rng, out, "*", "Good, because ", (1, 3));
    bullets(rng, out, "*", "Bad, because ", (1, 2));
    out.push_str("### Confirmation\n\n");
    paragraph(rng, out);
    if rng.chance(40) {
        code_block(rng, out);
    }
    out.push_str("## Pros and Cons of the Options\n\n");
    for o in &opts {
        let _ = writeln!(out, "### {o}\n");
        bullets(rng, out, "*", "Good, because ", (1, 3));
        bullets(rng, out, "*", "Bad, because ", (1, 2));
    }
    out.push_str("## More Information\n\n");
    paragraph(rng, out);
    related(plans, plan, out);
}

/// The text of record `index` of `plans`, deterministic for `seed`.
pub(crate) fn record(plans: &[Plan], index: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(index as u64 + 1));
    let mut out = String::with_capacity(8 * 1024);
    match plans[index].style {
        Style::Dr => dr(&mut rng, plans, index, &mut out),
        Style::Nygard => nygard(&mut rng, plans, index, &mut out),
        Style::Madr => madr(&mut rng, plans, index, &mut out),
    }
    if plans[index].long {
        long_appendix(&mut rng, &mut out);
    }
    out
}
