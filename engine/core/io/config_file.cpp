#include "core/io/config_file.h"

#include "core/error/error_macros.h"
#include "core/io/file_access.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"
#include "core/variant/variant_parser.h"

#include <algorithm>

namespace godot {

namespace {

// "at line 3, column 7", as VariantParser words its positions.
String position_text(const String &p_text, size_t p_pos) {
	size_t line = 1, column = 1;
	for (size_t i = 0; i < p_pos && i < p_text.size(); i++) {
		line = p_text[i] == '\n' ? line + 1 : line;
		column = p_text[i] == '\n' ? 1 : column + 1;
	}
	return vformat("at line %zu, column %zu", line, column);
}

bool is_inline_blank(char c) {
	return c == ' ' || c == '\t' || c == '\r';
}

// Past blanks, newlines and ';' comments.
void skip_blank_lines(const String &p_text, size_t &r_pos) {
	while (r_pos < p_text.size()) {
		const char c = p_text[r_pos];
		if (c == ';') {
			r_pos = std::min(p_text.find('\n', r_pos), p_text.size());
		} else if (is_inline_blank(c) || c == '\n') {
			r_pos++;
		} else {
			return;
		}
	}
}

// After a header or a value only blanks and a comment may follow on its line.
bool at_line_end(const String &p_text, size_t &r_pos) {
	while (r_pos < p_text.size() && is_inline_blank(p_text[r_pos])) {
		r_pos++;
	}
	return r_pos >= p_text.size() || p_text[r_pos] == '\n' || p_text[r_pos] == ';';
}

// Godot writes a key bare unless a character in it would end or confuse the key.
String encode_key(const String &p_key) {
	const bool bare = !p_key.empty() && std::all_of(p_key.begin(), p_key.end(), [](char c) {
		return uint8_t(c) > ' ' && uint8_t(c) < 127 && c != '=' && c != '"' && c != ';' && c != '[' && c != ']';
	});
	if (bare) {
		return p_key;
	}
	String quoted = "\"";
	for (const char c : p_key) {
		quoted += c == '"' || c == '\\' ? String("\\") + c : String(1, c);
	}
	return quoted + "\"";
}

} // namespace

ConfigFile::Section *ConfigFile::_find_section(const String &p_section) {
	for (Section &section : sections) {
		if (section.name == p_section) {
			return &section;
		}
	}
	return nullptr;
}

const ConfigFile::Section *ConfigFile::_find_section(const String &p_section) const {
	return const_cast<ConfigFile *>(this)->_find_section(p_section);
}

void ConfigFile::set_value(const String &p_section, const String &p_key, const Variant &p_value) {
	Section *section = _find_section(p_section);
	if (p_value.get_type() == Variant::NIL) {
		if (section && has_section_key(p_section, p_key)) {
			erase_section_key(p_section, p_key);
		}
		return;
	}
	if (!section) {
		sections.push_back({ p_section, {} });
		section = &sections.back();
	}
	for (auto &entry : section->entries) {
		if (entry.first == p_key) {
			entry.second = p_value;
			return;
		}
	}
	section->entries.emplace_back(p_key, p_value);
}

Variant ConfigFile::get_value(const String &p_section, const String &p_key, const Variant &p_default) const {
	if (const Section *section = _find_section(p_section)) {
		for (const auto &entry : section->entries) {
			if (entry.first == p_key) {
				return entry.second;
			}
		}
	}
	ERR_FAIL_COND_V_MSG(p_default.get_type() == Variant::NIL, Variant(),
			vformat("ConfigFile.get_value: there is no key \"%s\" in section \"%s\", and no default was given. Pass a default, or check has_section_key() first.", p_key.c_str(), p_section.c_str()));
	return p_default;
}

bool ConfigFile::has_section(const String &p_section) const {
	return _find_section(p_section) != nullptr;
}

bool ConfigFile::has_section_key(const String &p_section, const String &p_key) const {
	const Section *section = _find_section(p_section);
	return section && std::any_of(section->entries.begin(), section->entries.end(), [&](const auto &p_entry) { return p_entry.first == p_key; });
}

PackedStringArray ConfigFile::get_sections() const {
	std::vector<String> names;
	for (const Section &section : sections) {
		names.push_back(section.name);
	}
	return PackedStringArray(std::move(names));
}

PackedStringArray ConfigFile::get_section_keys(const String &p_section) const {
	const Section *section = _find_section(p_section);
	ERR_FAIL_NULL_V_MSG(section, PackedStringArray(), vformat("ConfigFile.get_section_keys: there is no section \"%s\" (get_sections() lists them).", p_section.c_str()));
	std::vector<String> keys;
	for (const auto &entry : section->entries) {
		keys.push_back(entry.first);
	}
	return PackedStringArray(std::move(keys));
}

void ConfigFile::erase_section(const String &p_section) {
	const auto found = std::find_if(sections.begin(), sections.end(), [&](const Section &p_found) { return p_found.name == p_section; });
	ERR_FAIL_COND_MSG(found == sections.end(), vformat("ConfigFile.erase_section: there is no section \"%s\" to erase.", p_section.c_str()));
	sections.erase(found);
}

void ConfigFile::erase_section_key(const String &p_section, const String &p_key) {
	Section *section = _find_section(p_section);
	ERR_FAIL_NULL_MSG(section, vformat("ConfigFile.erase_section_key: there is no section \"%s\" (so no key \"%s\") to erase.", p_section.c_str(), p_key.c_str()));
	const auto found = std::find_if(section->entries.begin(), section->entries.end(), [&](const auto &p_entry) { return p_entry.first == p_key; });
	ERR_FAIL_COND_MSG(found == section->entries.end(), vformat("ConfigFile.erase_section_key: there is no key \"%s\" in section \"%s\" to erase.", p_key.c_str(), p_section.c_str()));
	section->entries.erase(found);
	if (section->entries.empty()) {
		erase_section(p_section);
	}
}

Error ConfigFile::parse_text(const String &p_text, String &r_error) {
	String section;
	size_t pos = 0;
	while (true) {
		skip_blank_lines(p_text, pos);
		if (pos >= p_text.size()) {
			return OK;
		}
		const size_t start = pos;
		if (p_text[pos] == '[') {
			const size_t close = p_text.find_first_of("]\n", pos);
			if (close == String::npos || p_text[close] != ']') {
				r_error = "a section header needs its closing ']' " + position_text(p_text, start);
				return ERR_PARSE_ERROR;
			}
			section = strip_edges(p_text.substr(pos + 1, close - pos - 1));
			pos = close + 1;
			if (!at_line_end(p_text, pos)) {
				r_error = "unexpected text after the section header " + position_text(p_text, pos);
				return ERR_PARSE_ERROR;
			}
			continue;
		}

		String key;
		int error_line = 0;
		if (p_text[pos] == '"') {
			Variant quoted;
			if (VariantParser::parse_value_at(p_text, pos, quoted, r_error, error_line) != OK) {
				return ERR_PARSE_ERROR;
			}
			key = quoted.to_string_value();
			while (pos < p_text.size() && is_inline_blank(p_text[pos])) {
				pos++;
			}
		} else {
			const size_t end = std::min(p_text.find_first_of("=\n", pos), p_text.size());
			key = strip_edges(p_text.substr(pos, end - pos));
			pos = end;
		}
		if (begins_with(key, "#")) {
			r_error = "a line starting with '#' " + position_text(p_text, start) + " (comments in Godot's files start with ';')";
			return ERR_PARSE_ERROR;
		}
		if (pos >= p_text.size() || p_text[pos] != '=') {
			r_error = vformat("expected '=' after the key \"%s\" %s", key.c_str(), position_text(p_text, start).c_str());
			return ERR_PARSE_ERROR;
		}
		if (key.empty()) {
			r_error = "expected a key before '=' " + position_text(p_text, start);
			return ERR_PARSE_ERROR;
		}
		pos++;
		Variant value;
		if (VariantParser::parse_value_at(p_text, pos, value, r_error, error_line) != OK) {
			r_error = vformat("in the value of \"%s\": %s", key.c_str(), r_error.c_str());
			return ERR_PARSE_ERROR;
		}
		if (!at_line_end(p_text, pos)) {
			r_error = vformat("unexpected text after the value of \"%s\" %s", key.c_str(), position_text(p_text, pos).c_str());
			return ERR_PARSE_ERROR;
		}
		set_value(section, key, value);
	}
}

Error ConfigFile::parse(const String &p_data) {
	String problem;
	const Error error = parse_text(p_data, problem);
	ERR_FAIL_COND_V_MSG(error != OK, error, "ConfigFile.parse: " + problem + ".");
	return OK;
}

Error ConfigFile::load(const String &p_path) {
	const Ref<FileAccess> file = FileAccess::open(p_path, FileAccess::READ);
	if (file.is_null()) {
		return FileAccess::get_open_error();
	}
	String problem;
	const Error error = parse_text(file->get_as_text(), problem);
	ERR_FAIL_COND_V_MSG(error != OK, error, vformat("ConfigFile.load(\"%s\"): %s.", p_path.c_str(), problem.c_str()));
	return OK;
}

String ConfigFile::encode_to_text() const {
	String text;
	for (const Section &section : sections) {
		if (&section != &sections.front()) {
			text += "\n";
		}
		if (!section.name.empty()) {
			text += "[" + section.name + "]\n\n";
		}
		for (const auto &entry : section.entries) {
			String value;
			VariantWriter::write_to_string(entry.second, value);
			text += encode_key(entry.first) + "=" + value + "\n";
		}
	}
	return text;
}

Error ConfigFile::save(const String &p_path) {
	const Ref<FileAccess> file = FileAccess::open(p_path, FileAccess::WRITE);
	if (file.is_null()) {
		return FileAccess::get_open_error();
	}
	return file->store_string(encode_to_text()) ? OK : ERR_FILE_CANT_WRITE;
}

void ConfigFile::_bind_methods() {
	ClassDB::bind_method(D_METHOD("set_value", "section", "key", "value"), &ConfigFile::set_value);
	ClassDB::bind_method(D_METHOD("get_value", "section", "key", "default"), &ConfigFile::get_value, DEFVAL(Variant()));
	ClassDB::bind_method(D_METHOD("has_section", "section"), &ConfigFile::has_section);
	ClassDB::bind_method(D_METHOD("has_section_key", "section", "key"), &ConfigFile::has_section_key);
	ClassDB::bind_method(D_METHOD("get_sections"), &ConfigFile::get_sections);
	ClassDB::bind_method(D_METHOD("get_section_keys", "section"), &ConfigFile::get_section_keys);
	ClassDB::bind_method(D_METHOD("erase_section", "section"), &ConfigFile::erase_section);
	ClassDB::bind_method(D_METHOD("erase_section_key", "section", "key"), &ConfigFile::erase_section_key);
	ClassDB::bind_method(D_METHOD("load", "path"), &ConfigFile::load);
	ClassDB::bind_method(D_METHOD("parse", "data"), &ConfigFile::parse);
	ClassDB::bind_method(D_METHOD("save", "path"), &ConfigFile::save);
	ClassDB::bind_method(D_METHOD("encode_to_text"), &ConfigFile::encode_to_text);
	ClassDB::bind_method(D_METHOD("clear"), &ConfigFile::clear);
}

} // namespace godot
