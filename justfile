# Daily commands; each recipe is one plain command you can also type by hand.

ci:
    bash .ci/run

test:
    cargo test

snap:
    cargo insta review

bench:
    cargo bench

book:
    mdbook build

fuzz target="parse_record" seconds="600":
    fuzz/seed.sh && cd fuzz && cargo fuzz run {{target}} --sanitizer none -O --target-dir ../target/fuzz -- -max_total_time={{seconds}} -timeout=10 -rss_limit_mb=2048
