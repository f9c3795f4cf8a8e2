//! The sandbox lab's modules as shipped, run natively: each trap snippet traps with the trap it
//! names, the capabilities snippet gets exactly what its host links, and the WASI snippet prints
//! the same lines under a real WASI runtime as it does in the page.

mod common;

use common::shipped;
use wasmi::{Caller, Engine, Linker, Module, Store, TrapCode};

/// "module.name" for each import, in the file's order.
fn imports(module: &Module) -> Vec<String> {
    module
        .imports()
        .map(|i| format!("{}.{}", i.module(), i.name()))
        .collect()
}

fn module(name: &str) -> (Engine, Module) {
    let engine = Engine::default();
    let module = Module::new(&engine, &shipped(name)[..]).unwrap();
    (engine, module)
}

#[test]
fn every_trap_is_the_trap_it_names() {
    let (engine, module) = module("traps");
    assert_eq!(module.imports().count(), 0, "traps.wasm needs nothing");
    let fresh = |store: &mut Store<()>| {
        Linker::<()>::new(&engine)
            .instantiate_and_start(store, &module)
            .unwrap()
    };
    let mut store = Store::new(&engine, ());
    let cases: [(&str, &[i32], TrapCode); 4] = [
        ("read_past_end", &[], TrapCode::MemoryOutOfBounds),
        // A Rust panic would be `unreachable`: this is the instruction's own trap.
        ("divide", &[1, 0], TrapCode::IntegerDivisionByZero),
        ("reach_unreachable", &[], TrapCode::UnreachableCodeReached),
        ("exhaust_stack", &[1_000_000_000], TrapCode::StackOverflow),
    ];
    for (name, args, expected) in cases {
        let instance = fresh(&mut store);
        let func = instance.get_func(&store, name).unwrap();
        let args: Vec<wasmi::Val> = args.iter().map(|&a| wasmi::Val::I32(a)).collect();
        let mut results = vec![wasmi::Val::I32(0); func.ty(&store).results().len()];
        let error = func.call(&mut store, &args, &mut results).expect_err(name);
        assert_eq!(error.as_trap_code(), Some(expected), "{name}: {error}");
        // The trap ended that call, not the engine: a fresh instance answers.
        let still_here = fresh(&mut store)
            .get_typed_func::<(), i32>(&store, "still_here")
            .unwrap();
        assert_eq!(still_here.call(&mut store, ()).unwrap(), 42, "after {name}");
    }
    let divide = fresh(&mut store)
        .get_typed_func::<(i32, i32), i32>(&store, "divide")
        .unwrap();
    assert_eq!(divide.call(&mut store, (84, 2)).unwrap(), 42);
}

/// What the host saw the module ask for, in order.
type Calls = Vec<String>;

/// Links the capabilities snippet with the imports granted (`Some(answer)`) or refused
/// (`None`: the host links a function that answers -1), leaving out those not listed.
fn run_capabilities(links: &[(&'static str, Option<i32>)]) -> Result<(i32, Calls), String> {
    let (engine, module) = module("capabilities");
    let mut store = Store::new(&engine, Calls::new());
    let mut linker = Linker::<Calls>::new(&engine);
    for &(name, answer) in links {
        let answer = answer.unwrap_or(-1);
        let result = match name {
            "log" => linker.func_wrap("host", "log", move |mut c: Caller<Calls>, v: i32| {
                c.data_mut().push(format!("log({v})"));
                answer.min(0)
            }),
            _ => linker.func_wrap("host", name, move |mut c: Caller<Calls>| {
                c.data_mut().push(name.to_owned());
                answer
            }),
        };
        result.map_err(|e| e.to_string())?;
    }
    let instance = linker
        .instantiate_and_start(&mut store, &module)
        .map_err(|e| e.to_string())?;
    let run = instance
        .get_typed_func::<(), i32>(&store, "run")
        .map_err(|e| e.to_string())?;
    let refused = run.call(&mut store, ()).map_err(|e| e.to_string())?;
    Ok((refused, store.into_data()))
}

#[test]
fn the_module_gets_exactly_what_its_host_links() {
    let (_, module) = module("capabilities");
    assert_eq!(
        imports(&module),
        ["host.clock", "host.read_secret", "host.log"]
    );

    let all = [
        ("clock", Some(1234)),
        ("read_secret", Some(7)),
        ("log", Some(0)),
    ];
    let (refused, calls) = run_capabilities(&all).unwrap();
    assert_eq!(
        (refused, calls),
        (
            0,
            vec!["clock".into(), "read_secret".into(), "log(7)".into()]
        )
    );

    // Withheld: the module cannot even be instantiated.
    for left_out in 0..all.len() {
        let mut links = all.to_vec();
        let (name, _) = links.remove(left_out);
        let error = run_capabilities(&links).unwrap_err();
        assert!(error.contains(name), "{name}: {error}");
    }

    // Refused: the host links a function that says no, and the module carries on without it.
    let refuse_secret = [
        ("clock", Some(1234)),
        ("read_secret", None),
        ("log", Some(0)),
    ];
    let (refused, calls) = run_capabilities(&refuse_secret).unwrap();
    assert_eq!(refused, 2);
    assert_eq!(
        calls.last().unwrap(),
        "log(1234)",
        "it reports the time instead"
    );
    let refuse_all = [("clock", None), ("read_secret", None), ("log", None)];
    assert_eq!(run_capabilities(&refuse_all).unwrap().0, 1 | 2 | 4);
}

#[test]
fn the_wasi_module_runs_under_a_real_wasi_runtime() {
    let (_, module) = module("wasi");
    assert_eq!(imports(&module), ["wasi_snapshot_preview1.fd_write"]);
    // The browser test checks that the page's own small host prints the very same text
    // (examples/browser_references.rs hands it over).
    assert_eq!(
        common::run_wasi(&shipped("wasi")),
        "Hello from a .wasm file that runs in a browser and on a server.\n\
         你好：同一个 .wasm 文件，浏览器里能跑，服务器上也能跑。\n"
    );
}
