import { CryptoKey, Error, FileAccess, TLSOptions, X509Certificate, printerr } from "godot";
import { from_hex } from "./text";

// The trust options after a scene's positional arguments, each "name=value" (a name may repeat,
// as pin= does): the scenes turn them into TLSOptions calls. Loaders print why they failed and
// return null.
export class SceneOptions {
  private values = new Map<string, string[]>();
  private used = new Set<string>();

  // Returns null (after printing why) when an argument is not name=value or its name is not in p_known.
  static parse(p_args: string[], p_known: readonly string[]): SceneOptions | null {
    const options = new SceneOptions();
    for (const arg of p_args) {
      const equals = arg.indexOf("=");
      const name = equals > 0 ? arg.slice(0, equals) : "";
      if (!p_known.includes(name)) {
        printerr(`interop: unknown option "${arg}" (known: ${p_known.map((n) => `${n}=`).join(" ")})`);
        return null;
      }
      const list = options.values.get(name) ?? [];
      list.push(arg.slice(equals + 1));
      options.values.set(name, list);
    }
    return options;
  }

  has(p_name: string): boolean {
    return this.values.has(p_name);
  }

  all(p_name: string): string[] {
    return this.values.get(p_name) ?? [];
  }

  one(p_name: string): string | undefined {
    const list = this.all(p_name);
    return list.length > 0 ? list[list.length - 1] : undefined;
  }

  // p_options with the pin= and crl= options applied, either side; null stays null.
  pin_and_check(p_options: TLSOptions | null): TLSOptions | null {
    let options = p_options;
    const pins = this.all("pin");
    if (options !== null && pins.length > 0) {
      options = options.pin_public_keys(pins);
    }
    const crl_path = this.one("crl");
    if (options !== null && crl_path !== undefined) {
      const crl = load_text(crl_path);
      options = crl === null ? null : options.check_revocation(crl);
    }
    return options;
  }
}

export function load_certificate(p_path: string): X509Certificate | null {
  const certificate = new X509Certificate();
  if (certificate.load(p_path) !== Error.OK) {
    printerr(`interop: cannot load the certificate ${p_path}`);
    return null;
  }
  return certificate;
}

export function load_key(p_path: string): CryptoKey | null {
  const key = new CryptoKey();
  if (key.load(p_path) !== Error.OK) {
    printerr(`interop: cannot load the key ${p_path}`);
    return null;
  }
  return key;
}

// A CRL file's PEM text (several CRLs concatenated work too).
export function load_text(p_path: string): string | null {
  if (!FileAccess.file_exists(p_path)) {
    printerr(`interop: no such file ${p_path}`);
    return null;
  }
  return FileAccess.get_file_as_string(p_path);
}

// "identity:hexkey" -> [identity, key bytes].
export function parse_psk(p_value: string): [string, Uint8Array] | null {
  const colon = p_value.lastIndexOf(":");
  const key = colon > 0 ? from_hex(p_value.slice(colon + 1)) : null;
  if (key === null || key.length === 0) {
    printerr(`interop: a PSK is identity:hexkey, not "${p_value}"`);
    return null;
  }
  return [p_value.slice(0, colon), key];
}
