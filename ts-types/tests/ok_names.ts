// Godot's `Object` and `Error` live in the "godot" module and never replace JavaScript's own.
import { Object as GodotObject, Error as ErrorFromGodot, GodotError, RefCounted } from "godot";

const native: GodotObject = new RefCounted();
export const className: string = native.get_class();

// JavaScript's globals are untouched in a file that imports Godot's classes under other names.
export const keys: string[] = Object.keys({ a: 1 });
export const failure: Error = new Error("still JavaScript's Error");

// Both spellings of Godot's error enum are the same enum.
export const ok: GodotError = ErrorFromGodot.OK;
export const busy: ErrorFromGodot = GodotError.ERR_BUSY;
export const isOk: boolean = GodotError.OK === ErrorFromGodot.OK;
