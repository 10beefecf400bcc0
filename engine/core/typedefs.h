#pragma once
// Basic macros shared by the whole engine and by modules, in Godot's spelling. The error guards
// (ERR_FAIL_*) are in core/error/error_macros.h.

#include <cstddef>
#include <cstdint>
#include <new>

#define memnew(m_class) (new m_class)
#define memdelete(m_ptr) (delete (m_ptr))
