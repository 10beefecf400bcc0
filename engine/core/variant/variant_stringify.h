#pragma once
// The number formatting behind Variant::stringify, for other text formats that print floats
// as Godot does (JSON.stringify).

#include "core/variant/variant.h"

namespace godot {

// Godot's String::num: p_decimals fixed-point digits (-1: 14 less the magnitude's order),
// trailing zeros and a bare trailing point removed ("1", "0.5", "nan", "inf").
String string_num(double p_value, int p_decimals = -1);

} // namespace godot
