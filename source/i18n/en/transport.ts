export const transport = {
};
