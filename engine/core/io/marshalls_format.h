#pragma once
// The header bits and container-type codes of Godot 4's binary Variant encoding, shared by the
// encoder (marshalls.cpp) and the decoder (marshalls_decoder.cpp).

#include <cstdint>

namespace godot {
namespace marshalls_format {

// Byte 0 is the Variant::Type; bytes 2-3 carry per-type data.
constexpr uint32_t HEADER_TYPE_MASK = 0xFF;
constexpr uint32_t HEADER_DATA_FLAG_64 = 1 << 16; // INT, FLOAT and math types: 64-bit payload.
constexpr uint32_t HEADER_DATA_FLAG_OBJECT_AS_ID = 1 << 16; // OBJECT: only the instance id follows.
constexpr int HEADER_TYPED_ARRAY_SHIFT = 16;
constexpr int HEADER_TYPED_DICTIONARY_KEY_SHIFT = 16;
constexpr int HEADER_TYPED_DICTIONARY_VALUE_SHIFT = 18;
constexpr uint32_t CONTAINER_TYPE_KIND_MASK = 0b11;

enum ContainerTypeKind {
	CONTAINER_TYPE_KIND_NONE,
	CONTAINER_TYPE_KIND_BUILTIN, // A u32 Variant::Type follows.
	CONTAINER_TYPE_KIND_CLASS_NAME, // A class name string follows.
	CONTAINER_TYPE_KIND_SCRIPT, // A res:// script path string follows.
};

constexpr uint32_t NODE_PATH_NEW_FORMAT = 0x80000000;
constexpr uint32_t NODE_PATH_FLAG_ABSOLUTE = 1;
constexpr uint32_t NODE_PATH_FLAG_PROPERTY = 2; // Obsolete: one more subname than counted.
constexpr uint32_t CONTAINER_COUNT_MASK = 0x7FFFFFFF; // Bit 31 was the 3.x "shared" flag.

constexpr const char *SCRIPT_PROPERTY = "script";

} // namespace marshalls_format
} // namespace godot
