#pragma once
// TextEncoder and TextDecoder globals (WHATWG Encoding, UTF-8 only): the standard way for
// scripts to turn strings into PackedByteArray-ready Uint8Arrays and back.

#include "quickjs.h"

namespace godot {

// Defines globalThis.TextEncoder and globalThis.TextDecoder. False (with the exception pending)
// if the context could not take them.
bool install_text_codec(JSContext *p_ctx);

} // namespace godot
