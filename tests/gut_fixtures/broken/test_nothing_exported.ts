// No test class at all: the script is one failing test.
export const value = 1;
