/**
 * Colours of the diagrams: the Okabe-Ito palette, which stays distinguishable for the common kinds of colour
 * blindness (Okabe & Ito, "Color Universal Design", 2008).
 */
export const PALETTE = {
  valueAdding: '#009E73', // bluish green
  required: '#56B4E9', // sky blue
  waste: '#D55E00', // vermillion
  unclassified: '#BBBBBB',
  rework: '#CC79A7', // reddish purple
  hot: '#E69F00', // orange: where the customer's time goes
  ink: '#1A1A1A',
  failure: '#D55E00',
};

/** Lane backgrounds, from the customer's (warmest) down to support (greyest). */
export const LANE_FILL = {
  customer: '#FFF8E7',
  frontstage: '#EEF6FB',
  backstage: '#F2F2F2',
  support: '#E6E6E6',
};
