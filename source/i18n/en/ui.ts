export const ui = {
};
