"""Analysis of one article's text: sentences now; entities, quantities, dates and quotes later."""
