// Godot's path and name helpers on Strings (core/string/ustring.cpp): file, directory and
// extension of a path ('/' or '\' separated, with res://-style and C:/-style roots), path
// simplification, and the characters a file or node name can't hold.
import { strip_edges } from "./godot_string.js";

function last_separator(text: string): number {
  return Math.max(text.lastIndexOf("/"), text.lastIndexOf("\\"));
}

function is_network_share_path(text: string): boolean {
  return text.startsWith("//") || text.startsWith("\\\\");
}

export function get_extension(text: string): string {
  const dot = text.lastIndexOf(".");
  return dot < 0 || dot < last_separator(text) ? "" : text.slice(dot + 1);
}

export function get_basename(text: string): string {
  const dot = text.lastIndexOf(".");
  return dot < 0 || dot < last_separator(text) ? text : text.slice(0, dot);
}

export function get_file(text: string): string {
  return text.slice(last_separator(text) + 1);
}

export function get_base_dir(text: string): string {
  // The root that stays: "res://", "C:/", "//server/share/" or "/".
  let end = 0;
  const scheme = text.indexOf("://");
  if (scheme >= 0) end = scheme + 3;
  if (end === 0) {
    let drive = text.indexOf(":/");
    if (drive < 0) drive = text.indexOf(":\\");
    if (drive >= 0) end = drive + 2;
  }
  if (end === 0 && is_network_share_path(text)) {
    let server_end = text.indexOf("/", 2);
    if (server_end < 0) server_end = text.indexOf("\\", 2);
    let share_end = text.indexOf("/", server_end + 1);
    if (share_end < 0) share_end = text.indexOf("\\", server_end + 1);
    if (share_end >= 0) end = share_end + 1;
  }
  if (end === 0 && text.startsWith("/")) end = 1;
  const base = text.slice(0, end);
  const rest = text.slice(end);
  const separator = last_separator(rest);
  return separator < 0 ? base : base + rest.slice(0, separator);
}

export function path_join(text: string, path: string): string {
  if (text.length === 0) return path;
  if (text.endsWith("/") || path.startsWith("/")) return text + path;
  return text + "/" + path;
}

export function is_absolute_path(text: string): boolean {
  if (text.length === 0) return false;
  if (text[0] === "/" || text[0] === "\\") return true;
  return text.length > 1 && (text.includes(":/") || text.includes(":\\"));
}

export function is_relative_path(text: string): boolean {
  return !is_absolute_path(text);
}

export function simplify_path(text: string): string {
  let path = text;
  let drive = "";
  const scheme = path.indexOf("://");
  if (scheme > 0 && /^[A-Za-z0-9]+$/.test(path.slice(0, scheme))) {
    drive = path.slice(0, scheme + 3);
    path = path.slice(scheme + 3);
  } else if (is_network_share_path(path)) {
    drive = path.slice(0, 2);
    path = path.slice(2);
  } else if (path.startsWith("/") || path.startsWith("\\")) {
    drive = path.slice(0, 1);
    path = path.slice(1);
  } else {
    let colon = path.indexOf(":/");
    if (colon < 0) colon = path.indexOf(":\\");
    // Godot compares with find_char('/'), which is -1 when the path has none.
    if (colon >= 0 && colon < path.indexOf("/")) {
      drive = path.slice(0, colon + 2);
      path = path.slice(colon + 2);
    }
  }
  const directories = path
    .replaceAll("\\", "/")
    .split("/")
    .filter((part) => part.length > 0);
  for (let i = 0; i < directories.length; i++) {
    if (directories[i] === ".") {
      directories.splice(i, 1);
      i--;
    } else if (directories[i] === ".." && i > 0 && directories[i - 1] !== "..") {
      directories.splice(i - 1, 2);
      i -= 2;
    }
  }
  return drive + directories.join("/");
}

// Changing these sets must follow Godot's documentation of is_valid_filename and validate_node_name.
const INVALID_FILENAME_CHARACTERS = [":", "/", "\\", "?", "*", '"', "|", "%", "<", ">"];
const INVALID_NODE_NAME_CHARACTERS = /[.:@/"%]/g;

export function is_valid_filename(text: string): boolean {
  const stripped = strip_edges(text);
  return (
    text === stripped &&
    stripped.length > 0 &&
    INVALID_FILENAME_CHARACTERS.every((character) => !text.includes(character))
  );
}

export function validate_filename(text: string): string {
  let name = strip_edges(text);
  for (const character of INVALID_FILENAME_CHARACTERS) name = name.replaceAll(character, "_");
  return name;
}

export function validate_node_name(text: string): string {
  return text.replace(INVALID_NODE_NAME_CHARACTERS, "_");
}
