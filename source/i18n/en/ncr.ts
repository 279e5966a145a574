export const ncr = {
};
