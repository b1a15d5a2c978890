// The PetStore sample's TOKEN authorizer: an ordinary Lambda handler that Portico runs locally
// (localFunctions "petstore-authorizer" in petstore.portico.json). API Gateway passes it the
// Authorization header as event.authorizationToken and the method's ARN as event.methodArn.
//
//   Authorization: Bearer owner-sam   allowed, as principal "sam" (context.role = "owner")
//   Authorization: Bearer visitor     an explicit Deny: 403
//   anything else                     Unauthorized: 401
exports.handler = async (event) => {
  const token = event.authorizationToken.replace(/^Bearer /, '');
  if (token.startsWith('owner-')) {
    return policy(token.slice('owner-'.length), 'Allow', everyMethodOfTheStage(event.methodArn), { role: 'owner' });
  }
  if (token === 'visitor') {
    return policy('visitor', 'Deny', event.methodArn);
  }
  // The one error message API Gateway turns into 401 rather than 500.
  throw new Error('Unauthorized');
};

// "arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/PATCH/pets/1" -> ".../{stage}/*": the
// result is cached per token, so an allow for one method should cover the others it may be reused for.
function everyMethodOfTheStage(methodArn) {
  const [api, stage] = methodArn.split('/');
  return `${api}/${stage}/*`;
}

function policy(principalId, effect, resource, context) {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
    },
    ...(context ? { context } : {}),
  };
}
