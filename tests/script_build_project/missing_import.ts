// Imports a module that does not exist (line 4): --script res://missing_import.ts.
import { Node } from "godot";

import "./not_there.js";

export default class MissingImport extends Node {}
