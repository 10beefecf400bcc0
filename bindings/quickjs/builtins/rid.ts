// Godot's RID (core/templates/rid.h): an opaque handle to a server resource, a 64-bit id (0 is
// no resource). The value converter builds and reads `_id`: a number up to 2^53, beyond it a
// bigint. Comparisons order ids as unsigned 64-bit numbers, as Godot.
import { bad_arguments, check_instance } from "./checks.js";

function id_order(a: number | bigint, b: number | bigint): number {
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  const left = BigInt(a),
    right = BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

export class RID {
  _id: number | bigint;

  constructor();
  constructor(from: RID);
  constructor(...args: unknown[]) {
    this._id = 0;
    if (args.length === 0) return;
    if (args.length === 1 && args[0] instanceof RID) {
      this._id = args[0]._id;
      return;
    }
    bad_arguments("RID()", "() or (RID)", args);
  }

  get_id(): number | bigint {
    return this._id;
  }

  is_valid(): boolean {
    return id_order(this._id, 0) !== 0;
  }

  // The ordering operators compare with another RID only.
  private order(method: string, right: unknown): number {
    return id_order(this._id, check_instance(`RID.${method}`, 0, "right", right, RID)._id);
  }

  equals(right: unknown): boolean {
    return right instanceof RID && id_order(this._id, right._id) === 0;
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  less(right: RID): boolean {
    return this.order("less", right) < 0;
  }

  less_equal(right: RID): boolean {
    return this.order("less_equal", right) <= 0;
  }

  greater(right: RID): boolean {
    return this.order("greater", right) > 0;
  }

  greater_equal(right: RID): boolean {
    return this.order("greater_equal", right) >= 0;
  }

  /** As Godot's str(): "RID(5)". */
  toString(): string {
    return `RID(${this._id})`;
  }
}
