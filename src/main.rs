fn main() {
    std::process::exit(akker::cli::main());
}
