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
