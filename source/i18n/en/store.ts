export const store = {
};
