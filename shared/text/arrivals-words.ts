// What the arrivals line of a projection is called. With referrals (List 3) it is referrals; without them
// (SSDA903 returns or List 8 alone) the children coming into care drive the projection, and the line is
// theirs: a screen or sheet that called it "referrals" would state something the data never said.
export type Driver = 'referrals' | 'claStarts';

export function arrivalsWords(driver: Driver | undefined) {
  return driver === 'claStarts'
    ? { eachMonth: 'Children coming into care each month', inMonth: 'Children coming into care in the month', perMonth: 'Children coming into care per month', axis: 'Children', trend: 'Trend in entries to care', subject: 'Entries to care', noun: 'entries to care' }
    : { eachMonth: 'Referrals each month', inMonth: 'Referrals in the month', perMonth: 'Referrals per month', axis: 'Referrals', trend: 'Referral trend', subject: 'Referrals', noun: 'referrals' };
}
