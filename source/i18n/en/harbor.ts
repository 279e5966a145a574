export const harbor = {
};
