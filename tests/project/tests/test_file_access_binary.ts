// FileAccess's binary methods, as Godot's class reference uses them for save files: integers,
// floats, raw buffers and Variants (store_var), byte for byte in Godot's little-endian layout.
import { GutTest } from "gut";
import { FileAccess, Float, Vector2, var_to_bytes } from "godot";

const PATH = "user://test_file_access_binary.dat";

function bytes_of(path: string): number[] {
  const file = FileAccess.open(path, FileAccess.READ);
  return file ? Array.from(file.get_buffer(file.get_length())) : [];
}

export default class TestFileAccessBinary extends GutTest {
  test_integers_and_floats_round_trip_little_endian(): void {
    const out = FileAccess.open(PATH, FileAccess.WRITE);
    this.assert_not_null(out);
    if (!out) return;
    this.assert_true(out.store_8(0xab));
    out.store_16(0x1234);
    out.store_32(0xdeadbeef);
    out.store_64(-2);
    out.store_float(1.5);
    out.store_double(0.1);
    out.store_real(-2.25);
    out.close();

    const bytes = bytes_of(PATH);
    this.assert_eq(bytes.length, 1 + 2 + 4 + 8 + 4 + 8 + 4);
    this.assert_eq(
      bytes.slice(0, 7),
      [0xab, 0x34, 0x12, 0xef, 0xbe, 0xad, 0xde],
      "little-endian, as Godot writes them",
    );

    const back = FileAccess.open(PATH, FileAccess.READ);
    if (!back) return;
    this.assert_eq(back.get_8(), 0xab);
    this.assert_eq(back.get_16(), 0x1234);
    this.assert_eq(back.get_32(), 0xdeadbeef);
    this.assert_eq(back.get_64(), -2, "a 64-bit value comes back as a signed int, as in Godot");
    this.assert_eq(Number(back.get_float()), 1.5);
    this.assert_eq(back.get_double(), 0.1);
    this.assert_eq(Number(back.get_real()), -2.25);
    this.assert_false(back.eof_reached());
    this.assert_eq(back.get_8(), 0, "reading past the end gives 0");
    this.assert_true(back.eof_reached());
  }

  test_big_endian_flag(): void {
    const out = FileAccess.open(PATH, FileAccess.WRITE);
    if (!out) return;
    out.big_endian = true;
    out.store_32(0x01020304);
    out.close();
    this.assert_eq(bytes_of(PATH), [1, 2, 3, 4]);
  }

  test_store_var_writes_length_then_var_to_bytes(): void {
    const save = { level: 3, position: new Vector2(1.5, -2), name: "hero", speed: new Float(4) };
    const out = FileAccess.open(PATH, FileAccess.WRITE);
    if (!out) return;
    this.assert_true(out.store_var(save));
    this.assert_true(out.store_buffer(new Uint8Array([9, 8, 7])));
    out.close();

    const encoded = Array.from(var_to_bytes(save));
    const bytes = bytes_of(PATH);
    this.assert_eq(
      bytes.slice(0, 4),
      [encoded.length & 0xff, (encoded.length >> 8) & 0xff, 0, 0],
      "a u32 length first",
    );
    this.assert_eq(bytes.slice(4, 4 + encoded.length), encoded, "then exactly var_to_bytes(value)");

    const back = FileAccess.open(PATH, FileAccess.READ);
    if (!back) return;
    const loaded = back.get_var() as typeof save;
    this.assert_eq(loaded.level, 3);
    this.assert_true(loaded.position.equals(new Vector2(1.5, -2)));
    this.assert_eq(loaded.name, "hero");
    this.assert_true(loaded.speed instanceof Float, "a whole float stays a float");
    this.assert_eq(Array.from(back.get_buffer(10)), [9, 8, 7], "get_buffer stops at the end of the file");
    this.assert_true(back.eof_reached());
  }

  test_misuse_is_reported(): void {
    const out = FileAccess.open(PATH, FileAccess.WRITE);
    if (!out) return;
    this.assert_eq(out.get_buffer(4).length, 0, "reading a file opened for writing");
    this.assert_eq(out.get_buffer(-1).length, 0, "a negative length");
    out.store_32(1000); // A length header with no value after it.
    out.close();
    this.assert_false(out.store_8(1), "writing to a closed file");
    const back = FileAccess.open(PATH, FileAccess.READ);
    this.assert_null(back ? back.get_var() : 0, "a truncated value reads as null");
  }
}
