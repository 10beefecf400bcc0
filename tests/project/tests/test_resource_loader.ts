// load(), ResourceLoader and ResourceSaver from a script, as a Godot server script uses them:
// its certificate and key from res://, a key saved to user:// and read back, the cache by path,
// and clear failures for a missing file, a file no loader reads and bad arguments.
import { GutTest } from "gut";
import { CryptoKey, ResourceLoader, ResourceSaver, X509Certificate, load, Error as GodotError } from "godot";

const CERTIFICATE = "res://tests/trust/server.crt";
const KEY = "res://tests/trust/server.key";

export default class TestResourceLoader extends GutTest {
  test_load_gives_the_type_of_the_extension(): void {
    const certificate = load(CERTIFICATE);
    this.assert_true(certificate instanceof X509Certificate, ".crt loads an X509Certificate");
    this.assert_string_contains(certificate?.get_subject() ?? "", "CN=");
    this.assert_eq(certificate?.get_path(), CERTIFICATE, "the resource remembers its path");
    const key = load(KEY);
    this.assert_true(key instanceof CryptoKey, ".key loads a CryptoKey");
    this.assert_false(key?.is_public_only() ?? true, "with its private part");
  }

  test_the_cache_gives_the_same_object_while_it_lives(): void {
    const first = ResourceLoader.load(CERTIFICATE);
    this.assert_true(ResourceLoader.has_cached(CERTIFICATE));
    const again = load(CERTIFICATE);
    this.assert_eq(again?.get_instance_id(), first?.get_instance_id(), "CACHE_MODE_REUSE: the same object");
    const fresh = ResourceLoader.load(CERTIFICATE, "", ResourceLoader.CACHE_MODE_IGNORE);
    this.assert_ne(fresh?.get_instance_id(), first?.get_instance_id(), "CACHE_MODE_IGNORE: a new object");
    this.assert_eq(ResourceLoader.get_cached_ref(CERTIFICATE)?.get_instance_id(), first?.get_instance_id());
    this.assert_true(ResourceLoader.exists(KEY));
    this.assert_true(ResourceLoader.exists(KEY, "CryptoKey"));
    this.assert_false(ResourceLoader.exists(KEY, "X509Certificate"), "a type hint the file is not");
    this.assert_eq(Array.from(ResourceLoader.get_recognized_extensions_for_type("CryptoKey")), [
      "key",
      "pub",
    ]);
    this.assert_eq(Array.from(ResourceLoader.get_recognized_extensions_for_type("Resource")), [
      "crt",
      "key",
      "pub",
    ]);
  }

  test_save_and_load_back_from_user(): void {
    const key = load(KEY);
    if (!(key instanceof CryptoKey)) {
      this.fail_test(`${KEY} does not load`);
      return;
    }
    this.assert_eq(Array.from(ResourceSaver.get_recognized_extensions(key)), ["key", "pub"]);
    this.assert_eq(ResourceSaver.save(key, "user://test_resource_loader.pub"), GodotError.OK);
    const public_key = load("user://test_resource_loader.pub");
    this.assert_true(public_key?.is_public_only() ?? false, ".pub loads the public part only");
    this.assert_eq(public_key?.save_to_string(true), key.save_to_string(true), "the same public key");
    this.assert_eq(ResourceSaver.save(key, "user://test_resource_loader_upper.PUB"), GodotError.OK);
    const upper = ResourceLoader.load("user://test_resource_loader_upper.PUB");
    this.assert_true(
      upper instanceof CryptoKey && upper.is_public_only(),
      "an extension in capitals means the same",
    );

    const certificate = ResourceLoader.load(CERTIFICATE, "X509Certificate");
    this.assert_eq(
      ResourceSaver.save(certificate, "user://test_resource_loader.crt", ResourceSaver.FLAG_CHANGE_PATH),
      GodotError.OK,
    );
    this.assert_eq(certificate?.get_path(), "user://test_resource_loader.crt", "FLAG_CHANGE_PATH");
    const copy = ResourceLoader.load("user://test_resource_loader.crt", "", ResourceLoader.CACHE_MODE_IGNORE);
    this.assert_true(copy instanceof X509Certificate);
    this.assert_eq(
      (copy as X509Certificate).save_to_string(),
      (certificate as X509Certificate).save_to_string(),
    );
    this.assert_eq(
      ResourceSaver.save(certificate),
      GodotError.OK,
      "an empty path saves to the resource's own",
    );
  }

  test_failures_say_why(): void {
    this.assert_null(load("res://tests/trust/no_such_file.crt"), "a missing file");
    this.assert_null(load("res://project.godot"), "a file no loader reads");
    this.assert_null(ResourceLoader.load(KEY, "X509Certificate"), "a type hint the file is not");
    const key = load(KEY);
    this.assert_eq(
      ResourceSaver.save(key, "user://test_resource_loader.txt"),
      GodotError.ERR_FILE_UNRECOGNIZED,
    );
    this.assert_eq(ResourceSaver.save(null), GodotError.ERR_INVALID_PARAMETER);
    let message = "no error";
    try {
      load(42 as unknown as string);
    } catch (error) {
      this.assert_true(error instanceof TypeError, "a TypeError is thrown");
      message = String(error);
    }
    this.assert_string_contains(message, "load");
  }
}
