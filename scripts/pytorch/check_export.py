"""Loads models exported by scripts/check-pytorch.ts with their generated code and compares them with tfjs.

For each <name>.py / <name>.safetensors in the directory given: imports the generated module, builds the net,
loads the weights with the module's own load_weights(), runs the same inputs tfjs ran, and compares the logits
(max abs difference <= 1e-4) and the parameter count. Lecture nets are also loaded into the lecture's own classes
(lecture_nets.py): the generated state_dict keys must be theirs. Needs torch only (Debian: python3-torch).
"""
import importlib.util
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lecture_nets  # noqa: E402

TOLERANCE = 1e-4


def load_module(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(directory, name, meta):
    module = load_module(os.path.join(directory, name + ".py"))
    weights = os.path.join(directory, name + ".safetensors")
    net = module.load_weights(module.build(), weights).eval()
    shape = meta["inputShape"]
    with open(os.path.join(directory, name + ".input.bin"), "rb") as f:
        x = torch.frombuffer(bytearray(f.read()), dtype=torch.float32).reshape([meta["batch"], *shape])
    expected = torch.tensor(meta["logits"], dtype=torch.float32)
    with torch.no_grad():
        logits = net(x)
    diff = (logits - expected).abs().max().item()
    params = sum(p.numel() for p in net.parameters())
    ok = diff <= TOLERANCE and params == meta["params"]
    line = (
        f"{name:<24} {type(net).__name__:<16} params torch {params:>9,} tfjs {meta['params']:>9,}  "
        f"max |Δlogit| {diff:.2e}  {'ok' if ok else 'FAIL'}"
    )
    lecture = meta.get("lecture")
    if lecture:
        ref = lecture_nets.NETS[lecture]().eval()
        ref.load_state_dict(net.state_dict())  # strict: the lecture's keys, exactly
        with torch.no_grad():
            ref_diff = (ref(x) - expected).abs().max().item()
        ok = ok and ref_diff <= TOLERANCE
        line += f"  | lecture_nets.{type(ref).__name__}: same keys, max |Δlogit| {ref_diff:.2e}"
    print(line)
    return ok


def main():
    directory = sys.argv[1]
    with open(os.path.join(directory, "manifest.json")) as f:
        manifest = json.load(f)
    print(f"torch {torch.__version__}; tolerance {TOLERANCE}")
    results = [check(directory, name, meta) for name, meta in manifest.items()]
    print(f"{sum(results)} of {len(results)} models match")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
