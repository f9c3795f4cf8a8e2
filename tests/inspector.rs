//! The inspector's parsing core, natively: it reads our modules as the native parser (wasmi)
//! does, reports valid but unusual modules, and answers every malformed input with a problem,
//! never a panic, including thousands of random and mutated inputs.

mod common;

use common::shipped;
use inspector::{inspect, Problem, Summary, MAX_BYTES};

const SNIPPETS: [&str; 8] = [
    "capabilities",
    "hello",
    "inspector",
    "kernel",
    "memory",
    "tiny",
    "traps",
    "wasi",
];

/// LEB128, as the essay writes it into modules.
fn leb(n: usize, out: &mut Vec<u8>) {
    essay::wasm_bytes::leb128(u32::try_from(n).expect("small test modules"), out);
}

fn section(id: u8, contents: &[u8], out: &mut Vec<u8>) {
    out.push(id);
    leb(contents.len(), out);
    out.extend_from_slice(contents);
}

fn name(text: &str, out: &mut Vec<u8>) {
    leb(text.len(), out);
    out.extend_from_slice(text.as_bytes());
}

/// A module importing `count` functions of type `() -> ()` from `env`.
fn many_imports(count: usize) -> Vec<u8> {
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    section(1, &[1, 0x60, 0, 0], &mut module);
    let mut imports = Vec::new();
    leb(count, &mut imports);
    for i in 0..count {
        name("env", &mut imports);
        name(&format!("f{i}"), &mut imports);
        imports.extend_from_slice(&[0x00, 0x00]);
    }
    section(2, &imports, &mut module);
    module
}

fn assert_well_formed(summary: &Summary, bytes: &[u8]) {
    assert_eq!(summary.size, bytes.len());
    let mut start = 8;
    for s in &summary.sections {
        assert_eq!(s.bytes.start, start, "sections follow each other: {s:?}");
        assert!(s.bytes.start < s.contents_start && s.contents_start <= s.bytes.end);
        start = s.bytes.end;
    }
    assert_eq!(start, bytes.len(), "the sections cover the file");
}

#[test]
fn reads_our_modules_as_the_native_parser_does() {
    for name in SNIPPETS {
        let bytes = shipped(name);
        let summary = inspect(&bytes).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert_well_formed(&summary, &bytes);
        let native = wasmi::Module::new(&wasmi::Engine::default(), &bytes[..]).unwrap();
        let imports: Vec<(String, String)> = native
            .imports()
            .map(|i| (i.module().to_owned(), i.name().to_owned()))
            .collect();
        let ours: Vec<(String, String)> = summary
            .imports
            .iter()
            .map(|i| (i.module.clone(), i.name.clone()))
            .collect();
        assert_eq!(ours, imports, "{name}: imports");
        // wasmi lists exports by name; the file has them in its own order.
        let exports: Vec<&str> = native.exports().map(|e| e.name()).collect();
        let mut ours: Vec<&str> = summary.exports.iter().map(|e| e.name.as_str()).collect();
        ours.sort_unstable();
        assert_eq!(ours, exports, "{name}: exports");
        let memories: Vec<(u64, Option<u64>)> = native
            .exports()
            .filter_map(|e| e.ty().memory().map(|m| (m.minimum(), m.maximum())))
            .collect();
        let ours: Vec<(u64, Option<u64>)> = summary
            .memories
            .iter()
            .map(|m| (m.initial, m.maximum))
            .collect();
        // wasmi shows a memory's limits only where the module exports it.
        if !memories.is_empty() {
            assert_eq!(ours, memories, "{name}: memory limits");
        }
    }
    let capabilities = inspect(&shipped("capabilities")).unwrap();
    let kinds: Vec<&str> = capabilities.imports.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, ["func"; 3]);
    let sections: Vec<&str> = capabilities
        .sections
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(sections, ["type", "import", "function", "export", "code"]);
    assert_eq!(
        (capabilities.memories.len(), capabilities.functions),
        (0, 1)
    );
}

#[test]
fn reports_valid_but_unusual_modules() {
    let empty = inspect(b"\0asm\x01\0\0\0").unwrap();
    assert_eq!(
        (empty.size, empty.sections.len(), empty.imports.len()),
        (8, 0, 0)
    );

    let bytes = many_imports(5000);
    let many = inspect(&bytes).unwrap();
    assert_well_formed(&many, &bytes);
    assert_eq!(many.imports.len(), 5000);
    assert_eq!(many.imports[4999].name, "f4999");

    // Control characters in a name are shown escaped and cannot break the summary's lines.
    let mut bytes = b"\0asm\x01\0\0\0".to_vec();
    let mut contents = Vec::new();
    name("odd\tname\n", &mut contents);
    contents.extend_from_slice(b"data");
    section(0, &contents, &mut bytes);
    let custom = inspect(&bytes).unwrap();
    assert_eq!(custom.sections[0].name, r"custom:odd\u{9}name\u{a}");
    let lines = custom.to_lines();
    let section: Vec<&str> = lines
        .lines()
        .filter(|l| l.starts_with("section\t"))
        .collect();
    assert_eq!(section.len(), 1, "{lines}");
    assert_eq!(section[0].split('\t').count(), 5, "{lines}");
}

#[test]
fn answers_malformed_input_with_a_problem() {
    let kernel = shipped("kernel");
    let malformed = |bytes: &[u8]| match inspect(bytes) {
        Err(Problem::Malformed { message, offset }) => {
            assert!(
                !message.is_empty() && offset <= bytes.len() as u64,
                "{message} at {offset}"
            );
            true
        }
        _ => false,
    };
    assert_eq!(inspect(b""), Err(Problem::Empty));
    assert_eq!(inspect(b"(module)\n"), Err(Problem::NotWasm), "text");
    assert_eq!(inspect(&vec![0; MAX_BYTES + 1]), Err(Problem::TooLarge));
    assert!(malformed(&kernel[..kernel.len() - 3]), "truncated");
    assert_eq!(inspect(b"\0asm\x02\0\0\0"), Err(Problem::Version(2)));
    assert_eq!(
        inspect(b"\0asm\x0d\0\x01\0"),
        Err(Problem::Version(0x1000d)),
        "a component is not a core module"
    );
    assert!(malformed(b"\0asm"), "magic only");
    // The type section's length claims more bytes than the file has.
    let mut lying = kernel.clone();
    assert_eq!(lying[8], 1, "kernel.wasm starts with its type section");
    lying[9] = 0x7f;
    assert!(malformed(&lying), "a section whose length lies");
}

/// xorshift64*: a fixed seed, so a failure can be replayed.
struct Random(u64);
impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Property: for any bytes, `inspect` returns (a panic fails the test), and whatever it calls
/// a module has sections inside the file, in order.
#[test]
fn never_panics_on_random_or_mutated_bytes() {
    let mut random = Random(0x5eed_1234_abcd_0001);
    let seeds: Vec<Vec<u8>> = SNIPPETS
        .iter()
        .filter(|&&n| n != "inspector")
        .map(|n| shipped(n))
        .chain([many_imports(20)])
        .collect();
    let (mut accepted, mut refused) = (0, 0);
    for round in 0..20_000 {
        let mut bytes = if round % 4 == 0 {
            let mut b = b"\0asm\x01\0\0\0".to_vec();
            b.extend((0..random.below(64)).map(|_| random.next() as u8));
            b
        } else {
            seeds[random.below(seeds.len())].clone()
        };
        for _ in 0..1 + random.below(4) {
            let at = random.below(bytes.len());
            match random.below(4) {
                0 => bytes[at] = random.next() as u8,
                1 => bytes.truncate(at.max(1)),
                2 => bytes.insert(at, random.next() as u8),
                _ => bytes[at] ^= 1 << random.below(8),
            }
        }
        match inspect(&bytes) {
            Ok(summary) => {
                accepted += 1;
                for s in &summary.sections {
                    assert!(s.bytes.end <= bytes.len(), "round {round}: {s:?}");
                }
            }
            Err(_) => refused += 1,
        }
    }
    // Both outcomes occur, so the mutations reach past the first checks.
    assert!(
        accepted > 100 && refused > 100,
        "{accepted} accepted, {refused} refused"
    );
}

/// The page reads back what the inspector says: totals, and the first of each list.
#[test]
fn the_page_reads_back_what_the_inspector_says() {
    // The page reads the protocol crate's lines with the protocol crate's parser; these
    // check what the inspector writes survives the trip.
    use inspection::parse;
    for name in SNIPPETS {
        let summary = inspect(&shipped(name)).unwrap();
        let page = parse(&summary.to_lines()).unwrap();
        assert_eq!(page.size as usize, summary.size, "{name}");
        assert_eq!(page.functions, u64::from(summary.functions));
        let sections: Vec<(String, u64, u64, u64)> = summary
            .sections
            .iter()
            .map(|s| {
                let at = |n: usize| n as u64;
                (
                    s.name.clone(),
                    at(s.bytes.start),
                    at(s.contents_start),
                    at(s.bytes.end),
                )
            })
            .collect();
        assert_eq!(page.sections, sections, "{name}");
        let imports: Vec<(String, String, String)> = page
            .import_groups
            .iter()
            .flat_map(|g| {
                g.names
                    .iter()
                    .map(|(n, k)| (g.module.clone(), n.clone(), k.clone()))
            })
            .collect();
        let expected: Vec<(String, String, String)> = summary
            .imports
            .iter()
            .map(|i| (i.module.clone(), i.name.clone(), i.kind.to_owned()))
            .collect();
        assert_eq!(
            imports, expected,
            "{name}: imports, grouped by module in order"
        );
        assert_eq!(page.exports.len(), summary.exports.len());
        let limits: Vec<(u64, Option<u64>, bool)> = page
            .memories
            .iter()
            .map(|m| (m.initial, m.maximum, m.imported))
            .collect();
        let expected: Vec<(u64, Option<u64>, bool)> = summary
            .memories
            .iter()
            .map(|m| (m.initial, m.maximum, m.imported))
            .collect();
        assert_eq!(limits, expected, "{name}");
    }
    let problem = |bytes: &[u8]| parse(&inspect(bytes).unwrap_err().to_line()).unwrap_err();
    assert_eq!(problem(b""), Problem::Empty);
    assert_eq!(problem(b"hello"), Problem::NotWasm);
    assert_eq!(problem(b"\0asm\x02\0\0\0"), Problem::Version(2));
    match problem(b"\0asm\x01\0\0\0\x01\x05") {
        Problem::Malformed { offset, message } => assert!(offset >= 8 && !message.is_empty()),
        other => panic!("{other:?}"),
    }
}

/// A shared memory and a 64-bit one are reported as such, through to the page.
#[test]
fn memory_kinds_reach_the_page() {
    use inspection::parse;
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    // Two memories: shared, 1 to 2 pages (flags 0x03); 64-bit, 1 page, no maximum (flags 0x04).
    section(5, &[2, 0x03, 1, 2, 0x04, 1], &mut module);
    let summary = inspect(&module).unwrap();
    let page = parse(&summary.to_lines()).unwrap();
    let kinds: Vec<(u64, Option<u64>, bool, bool)> = page
        .memories
        .iter()
        .map(|m| (m.initial, m.maximum, m.shared, m.memory64))
        .collect();
    assert_eq!(kinds, [(1, Some(2), true, false), (1, None, false, true)]);
}

/// However many imports a file has, the page is sent the totals and a bounded list.
#[test]
fn a_huge_module_gets_a_bounded_answer() {
    use inspection::parse;
    // 20,000 imports from 500 modules, 40 each.
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    section(1, &[1, 0x60, 0, 0], &mut module);
    let mut imports = Vec::new();
    leb(20_000, &mut imports);
    for i in 0..20_000 {
        name(&format!("m{}", i % 500), &mut imports);
        name(&format!("f{i}"), &mut imports);
        imports.extend_from_slice(&[0x00, 0x00]);
    }
    section(2, &imports, &mut module);
    let summary = inspect(&module).unwrap();
    assert_eq!(summary.imports.len(), 20_000);
    let lines = summary.to_lines();
    assert!(
        lines.lines().count() < 200 * 41 + 20,
        "{} lines",
        lines.lines().count()
    );
    let page = parse(&lines).unwrap();
    assert_eq!((page.import_count, page.import_module_count), (20_000, 500));
    assert_eq!(page.import_groups.len(), inspector::LISTED);
    assert_eq!(page.import_groups[0].module, "m0");
    assert_eq!(page.import_groups[0].count, 40);
    assert_eq!(
        page.import_groups[0].names[1].0, "f500",
        "grouped, in the file's order"
    );
}
