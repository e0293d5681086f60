"""Convoy effect: round trips through a pipe to a thread answering them, alone and while 1, 2, 4
CPU-bound threads run; in two variants, the answering thread reading each request at once or byte
by byte. Also the CPU-bound threads' work, in cores' worth (one thread alone = 1).

Parameters: duration=SECONDS (per measurement) cpu_threads=0,1,2,4 limit=MAX_ROUND_TRIPS
baseline=SECONDS (each measurement of the rate of one thread alone: before, between and
after the variants).
"""
import gilwork


def main():
    params = gilwork.parse_params({"duration": 1.0, "cpu_threads": [0, 1, 2, 4], "limit": 200000,
                                   "baseline": 0.5})
    baselines = [gilwork.baseline_rate(params["baseline"])]
    variants = {}
    for name, bytewise in (("whole", False), ("bytewise", True)):
        variants[name] = [gilwork.io_under_load(n, bytewise, params["duration"], params["limit"])
                          for n in params["cpu_threads"]]
        baselines.append(gilwork.baseline_rate(params["baseline"]))
    one_core = gilwork.add_cores(variants["whole"] + variants["bytewise"], baselines)
    gilwork.emit("convoy", params, {"one_core_rate": one_core, "baselines": baselines,
                                    "variants": variants})


main()
