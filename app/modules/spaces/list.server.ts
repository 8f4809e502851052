/** An organisation's space as its page lists it (read in `organisationPage`, identity). Prices as strings (bigint). */
export type SpaceSummary = {
  id: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  capacity: number;
  hourlyPriceVnd: string;
};
