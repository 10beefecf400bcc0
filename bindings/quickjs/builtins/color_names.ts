// Godot's named colors (core/math/color_names.inc): Color.ALICE_BLUE ... Color.YELLOW_GREEN.
// color.ts installs each as a static getter of Color that returns a new color; the same table
// serves Color("cornflower blue") and Color.from_string.

/** 0xRRGGBBAA by constant name, in Godot's order. */
export const NAMED_COLORS: Readonly<Record<string, number>> = {
  ALICE_BLUE: 0xf0f8ffff,
  ANTIQUE_WHITE: 0xfaebd7ff,
  AQUA: 0x00ffffff,
  AQUAMARINE: 0x7fffd4ff,
  AZURE: 0xf0ffffff,
  BEIGE: 0xf5f5dcff,
  BISQUE: 0xffe4c4ff,
  BLACK: 0x000000ff,
  BLANCHED_ALMOND: 0xffebcdff,
  BLUE: 0x0000ffff,
  BLUE_VIOLET: 0x8a2be2ff,
  BROWN: 0xa52a2aff,
  BURLYWOOD: 0xdeb887ff,
  CADET_BLUE: 0x5f9ea0ff,
  CHARTREUSE: 0x7fff00ff,
  CHOCOLATE: 0xd2691eff,
  CORAL: 0xff7f50ff,
  CORNFLOWER_BLUE: 0x6495edff,
  CORNSILK: 0xfff8dcff,
  CRIMSON: 0xdc143cff,
  CYAN: 0x00ffffff,
  DARK_BLUE: 0x00008bff,
  DARK_CYAN: 0x008b8bff,
  DARK_GOLDENROD: 0xb8860bff,
  DARK_GRAY: 0xa9a9a9ff,
  DARK_GREEN: 0x006400ff,
  DARK_KHAKI: 0xbdb76bff,
  DARK_MAGENTA: 0x8b008bff,
  DARK_OLIVE_GREEN: 0x556b2fff,
  DARK_ORANGE: 0xff8c00ff,
  DARK_ORCHID: 0x9932ccff,
  DARK_RED: 0x8b0000ff,
  DARK_SALMON: 0xe9967aff,
  DARK_SEA_GREEN: 0x8fbc8fff,
  DARK_SLATE_BLUE: 0x483d8bff,
  DARK_SLATE_GRAY: 0x2f4f4fff,
  DARK_TURQUOISE: 0x00ced1ff,
  DARK_VIOLET: 0x9400d3ff,
  DEEP_PINK: 0xff1493ff,
  DEEP_SKY_BLUE: 0x00bfffff,
  DIM_GRAY: 0x696969ff,
  DODGER_BLUE: 0x1e90ffff,
  FIREBRICK: 0xb22222ff,
  FLORAL_WHITE: 0xfffaf0ff,
  FOREST_GREEN: 0x228b22ff,
  FUCHSIA: 0xff00ffff,
  GAINSBORO: 0xdcdcdcff,
  GHOST_WHITE: 0xf8f8ffff,
  GOLD: 0xffd700ff,
  GOLDENROD: 0xdaa520ff,
  GRAY: 0xbebebeff,
  GREEN: 0x00ff00ff,
  GREEN_YELLOW: 0xadff2fff,
  HONEYDEW: 0xf0fff0ff,
  HOT_PINK: 0xff69b4ff,
  INDIAN_RED: 0xcd5c5cff,
  INDIGO: 0x4b0082ff,
  IVORY: 0xfffff0ff,
  KHAKI: 0xf0e68cff,
  LAVENDER: 0xe6e6faff,
  LAVENDER_BLUSH: 0xfff0f5ff,
  LAWN_GREEN: 0x7cfc00ff,
  LEMON_CHIFFON: 0xfffacdff,
  LIGHT_BLUE: 0xadd8e6ff,
  LIGHT_CORAL: 0xf08080ff,
  LIGHT_CYAN: 0xe0ffffff,
  LIGHT_GOLDENROD: 0xfafad2ff,
  LIGHT_GRAY: 0xd3d3d3ff,
  LIGHT_GREEN: 0x90ee90ff,
  LIGHT_PINK: 0xffb6c1ff,
  LIGHT_SALMON: 0xffa07aff,
  LIGHT_SEA_GREEN: 0x20b2aaff,
  LIGHT_SKY_BLUE: 0x87cefaff,
  LIGHT_SLATE_GRAY: 0x778899ff,
  LIGHT_STEEL_BLUE: 0xb0c4deff,
  LIGHT_YELLOW: 0xffffe0ff,
  LIME: 0x00ff00ff,
  LIME_GREEN: 0x32cd32ff,
  LINEN: 0xfaf0e6ff,
  MAGENTA: 0xff00ffff,
  MAROON: 0xb03060ff,
  MEDIUM_AQUAMARINE: 0x66cdaaff,
  MEDIUM_BLUE: 0x0000cdff,
  MEDIUM_ORCHID: 0xba55d3ff,
  MEDIUM_PURPLE: 0x9370dbff,
  MEDIUM_SEA_GREEN: 0x3cb371ff,
  MEDIUM_SLATE_BLUE: 0x7b68eeff,
  MEDIUM_SPRING_GREEN: 0x00fa9aff,
  MEDIUM_TURQUOISE: 0x48d1ccff,
  MEDIUM_VIOLET_RED: 0xc71585ff,
  MIDNIGHT_BLUE: 0x191970ff,
  MINT_CREAM: 0xf5fffaff,
  MISTY_ROSE: 0xffe4e1ff,
  MOCCASIN: 0xffe4b5ff,
  NAVAJO_WHITE: 0xffdeadff,
  NAVY_BLUE: 0x000080ff,
  OLD_LACE: 0xfdf5e6ff,
  OLIVE: 0x808000ff,
  OLIVE_DRAB: 0x6b8e23ff,
  ORANGE: 0xffa500ff,
  ORANGE_RED: 0xff4500ff,
  ORCHID: 0xda70d6ff,
  PALE_GOLDENROD: 0xeee8aaff,
  PALE_GREEN: 0x98fb98ff,
  PALE_TURQUOISE: 0xafeeeeff,
  PALE_VIOLET_RED: 0xdb7093ff,
  PAPAYA_WHIP: 0xffefd5ff,
  PEACH_PUFF: 0xffdab9ff,
  PERU: 0xcd853fff,
  PINK: 0xffc0cbff,
  PLUM: 0xdda0ddff,
  POWDER_BLUE: 0xb0e0e6ff,
  PURPLE: 0xa020f0ff,
  REBECCA_PURPLE: 0x663399ff,
  RED: 0xff0000ff,
  ROSY_BROWN: 0xbc8f8fff,
  ROYAL_BLUE: 0x4169e1ff,
  SADDLE_BROWN: 0x8b4513ff,
  SALMON: 0xfa8072ff,
  SANDY_BROWN: 0xf4a460ff,
  SEA_GREEN: 0x2e8b57ff,
  SEASHELL: 0xfff5eeff,
  SIENNA: 0xa0522dff,
  SILVER: 0xc0c0c0ff,
  SKY_BLUE: 0x87ceebff,
  SLATE_BLUE: 0x6a5acdff,
  SLATE_GRAY: 0x708090ff,
  SNOW: 0xfffafaff,
  SPRING_GREEN: 0x00ff7fff,
  STEEL_BLUE: 0x4682b4ff,
  TAN: 0xd2b48cff,
  TEAL: 0x008080ff,
  THISTLE: 0xd8bfd8ff,
  TOMATO: 0xff6347ff,
  TRANSPARENT: 0xffffff00,
  TURQUOISE: 0x40e0d0ff,
  VIOLET: 0xee82eeff,
  WEB_GRAY: 0x808080ff,
  WEB_GREEN: 0x008000ff,
  WEB_MAROON: 0x800000ff,
  WEB_PURPLE: 0x800080ff,
  WHEAT: 0xf5deb3ff,
  WHITE: 0xffffffff,
  WHITE_SMOKE: 0xf5f5f5ff,
  YELLOW: 0xffff00ff,
  YELLOW_GREEN: 0x9acd32ff,
};

// Godot's find_named_color: spaces, '-', '_', ''' and '.' are ignored, letters compared uppercase.
function normalized_name(name: string): string {
  return name.replace(/[ \-_'.]/g, "").toUpperCase();
}

// Normalized name -> 0xRRGGBBAA, built on first use.
let colors_by_name: Map<string, number> | null = null;

/** The 0xRRGGBBAA of a color name ("Cornflower Blue", "cornflower-blue"...), undefined for none. */
export function named_color_rgba(name: string): number | undefined {
  if (!colors_by_name) {
    colors_by_name = new Map();
    for (const [key, rgba] of Object.entries(NAMED_COLORS)) colors_by_name.set(normalized_name(key), rgba);
  }
  return colors_by_name.get(normalized_name(name));
}

// The getters' types (color.ts defines them at run time from the table above).
declare module "./color.js" {
  namespace Color {
    const ALICE_BLUE: Color;
    const ANTIQUE_WHITE: Color;
    const AQUA: Color;
    const AQUAMARINE: Color;
    const AZURE: Color;
    const BEIGE: Color;
    const BISQUE: Color;
    const BLACK: Color;
    const BLANCHED_ALMOND: Color;
    const BLUE: Color;
    const BLUE_VIOLET: Color;
    const BROWN: Color;
    const BURLYWOOD: Color;
    const CADET_BLUE: Color;
    const CHARTREUSE: Color;
    const CHOCOLATE: Color;
    const CORAL: Color;
    const CORNFLOWER_BLUE: Color;
    const CORNSILK: Color;
    const CRIMSON: Color;
    const CYAN: Color;
    const DARK_BLUE: Color;
    const DARK_CYAN: Color;
    const DARK_GOLDENROD: Color;
    const DARK_GRAY: Color;
    const DARK_GREEN: Color;
    const DARK_KHAKI: Color;
    const DARK_MAGENTA: Color;
    const DARK_OLIVE_GREEN: Color;
    const DARK_ORANGE: Color;
    const DARK_ORCHID: Color;
    const DARK_RED: Color;
    const DARK_SALMON: Color;
    const DARK_SEA_GREEN: Color;
    const DARK_SLATE_BLUE: Color;
    const DARK_SLATE_GRAY: Color;
    const DARK_TURQUOISE: Color;
    const DARK_VIOLET: Color;
    const DEEP_PINK: Color;
    const DEEP_SKY_BLUE: Color;
    const DIM_GRAY: Color;
    const DODGER_BLUE: Color;
    const FIREBRICK: Color;
    const FLORAL_WHITE: Color;
    const FOREST_GREEN: Color;
    const FUCHSIA: Color;
    const GAINSBORO: Color;
    const GHOST_WHITE: Color;
    const GOLD: Color;
    const GOLDENROD: Color;
    const GRAY: Color;
    const GREEN: Color;
    const GREEN_YELLOW: Color;
    const HONEYDEW: Color;
    const HOT_PINK: Color;
    const INDIAN_RED: Color;
    const INDIGO: Color;
    const IVORY: Color;
    const KHAKI: Color;
    const LAVENDER: Color;
    const LAVENDER_BLUSH: Color;
    const LAWN_GREEN: Color;
    const LEMON_CHIFFON: Color;
    const LIGHT_BLUE: Color;
    const LIGHT_CORAL: Color;
    const LIGHT_CYAN: Color;
    const LIGHT_GOLDENROD: Color;
    const LIGHT_GRAY: Color;
    const LIGHT_GREEN: Color;
    const LIGHT_PINK: Color;
    const LIGHT_SALMON: Color;
    const LIGHT_SEA_GREEN: Color;
    const LIGHT_SKY_BLUE: Color;
    const LIGHT_SLATE_GRAY: Color;
    const LIGHT_STEEL_BLUE: Color;
    const LIGHT_YELLOW: Color;
    const LIME: Color;
    const LIME_GREEN: Color;
    const LINEN: Color;
    const MAGENTA: Color;
    const MAROON: Color;
    const MEDIUM_AQUAMARINE: Color;
    const MEDIUM_BLUE: Color;
    const MEDIUM_ORCHID: Color;
    const MEDIUM_PURPLE: Color;
    const MEDIUM_SEA_GREEN: Color;
    const MEDIUM_SLATE_BLUE: Color;
    const MEDIUM_SPRING_GREEN: Color;
    const MEDIUM_TURQUOISE: Color;
    const MEDIUM_VIOLET_RED: Color;
    const MIDNIGHT_BLUE: Color;
    const MINT_CREAM: Color;
    const MISTY_ROSE: Color;
    const MOCCASIN: Color;
    const NAVAJO_WHITE: Color;
    const NAVY_BLUE: Color;
    const OLD_LACE: Color;
    const OLIVE: Color;
    const OLIVE_DRAB: Color;
    const ORANGE: Color;
    const ORANGE_RED: Color;
    const ORCHID: Color;
    const PALE_GOLDENROD: Color;
    const PALE_GREEN: Color;
    const PALE_TURQUOISE: Color;
    const PALE_VIOLET_RED: Color;
    const PAPAYA_WHIP: Color;
    const PEACH_PUFF: Color;
    const PERU: Color;
    const PINK: Color;
    const PLUM: Color;
    const POWDER_BLUE: Color;
    const PURPLE: Color;
    const REBECCA_PURPLE: Color;
    const RED: Color;
    const ROSY_BROWN: Color;
    const ROYAL_BLUE: Color;
    const SADDLE_BROWN: Color;
    const SALMON: Color;
    const SANDY_BROWN: Color;
    const SEA_GREEN: Color;
    const SEASHELL: Color;
    const SIENNA: Color;
    const SILVER: Color;
    const SKY_BLUE: Color;
    const SLATE_BLUE: Color;
    const SLATE_GRAY: Color;
    const SNOW: Color;
    const SPRING_GREEN: Color;
    const STEEL_BLUE: Color;
    const TAN: Color;
    const TEAL: Color;
    const THISTLE: Color;
    const TOMATO: Color;
    const TRANSPARENT: Color;
    const TURQUOISE: Color;
    const VIOLET: Color;
    const WEB_GRAY: Color;
    const WEB_GREEN: Color;
    const WEB_MAROON: Color;
    const WEB_PURPLE: Color;
    const WHEAT: Color;
    const WHITE: Color;
    const WHITE_SMOKE: Color;
    const YELLOW: Color;
    const YELLOW_GREEN: Color;
  }
}
