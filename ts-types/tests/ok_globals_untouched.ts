// A module that does not import "godot": JavaScript's Object and Error keep their usual types.
export const entries: [string, number][] = Object.entries({ a: 1 });
export const frozen: Readonly<{ b: number }> = Object.freeze({ b: 2 });
export const message: string = new Error("plain").message;
export const isError: boolean = new TypeError("x") instanceof Error;
