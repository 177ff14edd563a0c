"""Writes the Arrow IPC files that ForeignIpcTest reads: made once with pyarrow, committed, so
the build needs no Python. Rerun (pyarrow 25) from this directory to regenerate:

    python3 make_pyarrow_files.py

pyarrow.arrow   file format (Feather V2), LZ4-compressed as feather.write_feather writes by
                default, in record batches of 3, 3 and 1 rows
pyarrow.arrows  stream format, ZSTD-compressed, one record batch
dates.arrow     a date32 column, which no Table column holds
"""
import datetime

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc

nan = float("nan")
inf = float("inf")

columns = {
    "f64": pa.array([1.5, nan, None, -0.0, inf, -inf, 1e-310], pa.float64()),
    "f32": pa.array([1.5, nan, None, -0.0, 3.4e38, -1.0, 0.1], pa.float32()),
    "i64": pa.array([0, None, 2**63 - 1, -(2**63), -1, 42, 7], pa.int64()),
    "i32": pa.array([1, 2, 3, None, -(2**31), 2**31 - 1, 0], pa.int32()),
    "b": pa.array([True, False, None, True, True, False, None], pa.bool_()),
    "s": pa.array(["Ann", "", None, "é€😀", "two\nlines", "x,y", "last"], pa.string()),
    "ls": pa.array(["a", None, "b", "c", "d", "e", "f"], pa.large_string()),
    "i8": pa.array([-128, 127, None, 0, 1, 2, 3], pa.int8()),
    "u16": pa.array([65535, 0, None, 1, 2, 3, 4], pa.uint16()),
    "u32": pa.array([4294967295, 0, 1, None, 2, 3, 4], pa.uint32()),
    "cat": pa.array(["red", "green", "red", None, "blue", "green", "red"]).dictionary_encode(),
    "nothing": pa.nulls(7),
}
table = pa.table(columns)

feather.write_feather(table, "pyarrow.arrow", compression="lz4", chunksize=3)

with ipc.new_stream("pyarrow.arrows", table.schema,
                    options=ipc.IpcWriteOptions(compression="zstd")) as writer:
    writer.write_table(table)

dates = pa.table({"id": pa.array([1, 2], pa.int64()),
                  "day": pa.array([datetime.date(2024, 1, 31), None], pa.date32())})
feather.write_feather(dates, "dates.arrow", compression="uncompressed")
